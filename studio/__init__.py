"""Guide Studio: author in-app guides by clicking through your own web app."""

__version__ = "0.1.0"
