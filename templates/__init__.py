"""The built-in themes. This folder is installed as the package `generator.templates`, found at
run time with importlib.resources, never by a path relative to the source tree."""
