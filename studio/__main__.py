"""``python -m studio`` runs the ``studio`` command."""

from .cli import run

run()
