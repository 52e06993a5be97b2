"""Packaging rule the pyproject cannot say alone: `templates/` (a top-level folder of the
repository) is installed as the package `generator.templates`, with every file in it."""

from setuptools import find_namespace_packages, find_packages, setup

THEMES = ["generator.templates", *(f"generator.templates.{name}" for name in find_namespace_packages("templates"))]

setup(
    packages=[*find_packages(include=["generator", "generator.*"]), *THEMES],
    package_dir={"generator.templates": "templates"},
    package_data={"generator.templates": ["**/*"]},
    exclude_package_data={"generator.templates": ["**/__pycache__/*", "**/*.pyc"]},
)
