"""Replay throughput: studio replay against @puppeteer/replay on the same flows."""
