"""Packaging rules the pyproject cannot say alone: `templates/` (a top-level folder of the
repository) is installed as the package `generator.templates`, with every file in it; the tool's
own message catalogs, `generator/locales/*.po`, ship as the data package `generator.locales`."""

from setuptools import find_namespace_packages, find_packages, setup

THEMES = ["generator.templates", *(f"generator.templates.{name}" for name in find_namespace_packages("templates"))]

setup(
    packages=[*find_packages(include=["generator", "generator.*"]), "generator.locales", *THEMES],
    package_dir={"generator.templates": "templates"},
    package_data={"generator.templates": ["**/*"], "generator.locales": ["*.po"]},
    exclude_package_data={"generator.templates": ["**/__pycache__/*", "**/*.pyc"]},
)
