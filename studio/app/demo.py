"""The demo app beside the studio (``studio open --serve-demo``)."""

from __future__ import annotations

from ..demo_server import DemoServer

DEMO_PORT = 8765


def serve_demo() -> DemoServer:
    """Serve the demo app on 127.0.0.1:8765, or on a free port when that one is taken."""
    try:
        return DemoServer(port=DEMO_PORT).start()
    except OSError:
        return DemoServer(port=0).start()
