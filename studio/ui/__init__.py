"""The desktop studio (PySide6): the only package that imports Qt."""
