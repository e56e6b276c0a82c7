"""Locator robustness benchmark: capture on v1 of a page, find again on v2 after a release."""
