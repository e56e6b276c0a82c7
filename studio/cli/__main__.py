"""``python -m studio.cli`` runs the ``studio`` command, as ``python -m studio`` does."""

from . import run

run()
