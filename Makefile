# Shortcuts for ./dev (which works without make on a fresh machine).
.PHONY: run test bench setup schema example runtime screenshots

run:
	./dev run

test:
	./dev test

bench:
	./dev bench

setup:
	./dev setup

schema: setup
	.venv/bin/studio schema -o studio/export/guide-bundle.schema.json

example: setup
	.venv/bin/python scripts/make_example.py

runtime: setup
	.venv/bin/python scripts/build_runtime.py

screenshots: setup
	xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/studio_screenshots.py
