"""Fault injection: SIGKILL a process editing a project through the store at random moments.

Each round starts a writer on the same file; it announces every edit before making it
(``begin``) and acknowledges it once the store returned (``ack``). After the kill the file
is opened for editing again (so the killed writer's lock must be gone) and must hold every
acknowledged edit: exactly the acknowledged state, or that plus the one edit in flight.

    python -m benchmarks.fault_injection [kills]     (default 30; BENCH_KILLS for make bench)
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WRITER = textwrap.dedent(
    """
    import json, random, sys
    from studio.domain import Modal, Step
    from studio.store import ProjectStore
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = ProjectStore.open(path)
    order = [s.id for s in store.guide_summaries()]
    fresh = max([int(i[1:]) for i in order] + [-1]) + 1
    version = {s.id: int(s.name.split(" v")[1]) for s in store.guide_summaries()}

    def guide(gid):
        body = "x" * rng.randint(1, 3000)
        return Modal(id=gid, name=f"{gid} v{version[gid]}", steps=[Step(id="s", title="T", body=body)])

    print("ready", flush=True)
    while True:
        kind = rng.choice(["new", "new", "rename", "delete", "move", "image"]) if order else "new"
        gid = f"g{fresh}" if kind == "new" else rng.choice(order)
        op = {"op": kind, "id": gid}
        if kind == "move":
            op["index"] = rng.randrange(len(order))
        if kind == "image":
            op["png"] = rng.randrange(1_000_000)
        print("begin " + json.dumps(op), flush=True)
        if kind == "new":
            fresh += 1
            version[gid] = 0
            store.put_guide(guide(gid))
            order.append(gid)
        elif kind == "rename":
            version[gid] += 1
            store.put_guide(guide(gid))
        elif kind == "delete":
            store.delete_guide(gid)
            order.remove(gid)
        elif kind == "move":
            store.move_guide(gid, op["index"])
            order.remove(gid)
            order.insert(op["index"], gid)
        else:
            store.put_step_images(gid, "s", screenshot=None, thumbnail=str(op["png"]).encode() * 50)
        print("ack", flush=True)
    """
)


def _apply(state: dict, op: dict) -> dict:
    """The project state (order, versions, pictures) after one edit."""
    order, versions, images = list(state["order"]), dict(state["versions"]), dict(state["images"])
    gid = op["id"]
    if op["op"] == "new":
        order.append(gid)
        versions[gid] = 0
    elif op["op"] == "rename":
        versions[gid] += 1
    elif op["op"] == "delete":
        order.remove(gid)
        versions.pop(gid)
        images.pop(gid, None)
    elif op["op"] == "move":
        order.remove(gid)
        order.insert(op["index"], gid)
    else:
        images[gid] = op["png"]
    return {"order": order, "versions": versions, "images": images}


def _read(path: Path) -> dict:
    from studio.store import ProjectStore

    with ProjectStore.open(path) as store:  # for editing: the dead writer's lock must be gone
        summaries = store.guide_summaries()
        images = {}
        for summary in summaries:
            png = store.step_image(summary.id, "s")
            if png is not None:
                images[summary.id] = int(png[: len(png) // 50])
        return {
            "order": [s.id for s in summaries],
            "versions": {s.id: int(s.name.split(" v")[1]) for s in summaries},
            "images": images,
        }


def _lost(found: dict, expected: dict) -> int:
    """How many acknowledged facts (a guide, its version, its place, its picture) the file lacks."""
    lost = sum(found["versions"].get(g) != v for g, v in expected["versions"].items())
    lost += sum(g in found["versions"] for g in set(found["versions"]) - set(expected["versions"]))
    lost += sum(found["images"].get(g) != png for g, png in expected["images"].items())
    lost += found["order"] != expected["order"]
    return lost


def run(kills: int, seed: int = 14) -> dict[str, int | float]:
    """Kill ``kills`` writers; return the counts (kills, acknowledged edits, lost, failed opens)."""
    from studio.domain import Project
    from studio.store import ProjectFileError, ProjectStore

    rng = random.Random(seed)
    acknowledged = lost = failed_opens = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "faults.gstudio"
        ProjectStore.create(path, Project(name="Faults")).close()
        state = {"order": [], "versions": {}, "images": {}}
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for round_ in range(kills):
            proc = subprocess.Popen(
                [sys.executable, "-c", WRITER, str(path), str(seed * 1000 + round_)],
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            assert proc.stdout is not None
            if proc.stdout.readline().strip() != "ready":
                proc.kill()
                proc.wait(timeout=10)
                failed_opens += 1
                continue
            time.sleep(rng.uniform(0.05, 1.0))
            if proc.poll() is not None:  # it died by itself: an error in the edit path, not a kill
                raise RuntimeError(f"the writer failed on its own (exit {proc.returncode})")
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            expected, in_flight = state, None
            for line in proc.stdout.read().splitlines():
                if line.startswith("begin "):
                    in_flight = json.loads(line[6:])
                elif line == "ack" and in_flight is not None:
                    expected, in_flight = _apply(expected, in_flight), None
                    acknowledged += 1
            try:
                found = _read(path)
            except ProjectFileError:
                failed_opens += 1
                break
            candidates = [expected] + ([_apply(expected, in_flight)] if in_flight else [])
            misses = min(_lost(found, candidate) for candidate in candidates)
            lost += misses
            state = found
    return {
        "kills": kills,
        "acknowledged": acknowledged,
        "lost": lost,
        "failed_opens": failed_opens,
        "seconds": time.perf_counter() - started,
    }


def rows() -> list[tuple[str, str]]:
    """The bench row: kills / acknowledged edits / lost."""
    figures = run(int(os.environ.get("BENCH_KILLS", "20")))
    return [
        (
            "SIGKILL during edits: kills / acknowledged edits / lost",
            f"{figures['kills']} / {figures['acknowledged']:,} / {figures['lost']}"
            f" (file failed to reopen {figures['failed_opens']} times; {figures['seconds']:.0f} s)",
        )
    ]


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 30)))
