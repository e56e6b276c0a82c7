"""Where the studio's bundled assets live (the runtime, the recorder, the demo app)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
RUNTIME_DIR = ASSETS / "runtime"
DEMO_DIR = ASSETS / "demo-app"
