"""The one place the version is written; the ontology's owl:versionInfo is checked against it."""

__version__ = "0.1.0"
