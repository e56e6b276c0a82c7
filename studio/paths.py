"""Where the studio's bundled assets live (the runtime, the recorder, the demo app).

A checkout (or editable install) uses ``assets/`` beside the package; a wheel installs them
under ``<prefix>/share/guide-studio/assets`` (see ``[tool.setuptools.data-files]``).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CHECKOUT = ROOT / "assets"
ASSETS = _CHECKOUT if _CHECKOUT.is_dir() else Path(sys.prefix) / "share" / "guide-studio" / "assets"
RUNTIME_DIR = ASSETS / "runtime"
DEMO_DIR = ASSETS / "demo-app"
ICONS_DIR = ASSETS / "icons"
