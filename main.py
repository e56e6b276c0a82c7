"""Launch the desktop studio: ``python main.py [PROJECT] [--serve-demo]``."""

import sys
from pathlib import Path

from studio.ui.launch import run

if __name__ == "__main__":
    paths = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    sys.exit(run(Path(paths[0]) if paths else None, serve_demo="--serve-demo" in sys.argv))
