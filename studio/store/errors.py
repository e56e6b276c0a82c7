"""Errors the project store raises, each with a one-line message for the author."""


class ProjectFileError(Exception):
    """A project file cannot be created, opened or written; the message says why in one line."""
