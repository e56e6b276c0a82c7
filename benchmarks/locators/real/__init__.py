"""A locator corpus from real releases of public front-end packages (see corpus.py)."""
