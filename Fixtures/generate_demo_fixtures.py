#!/usr/bin/env python3
"""Writes the demo fixtures: venue payloads in the venues' exact shapes for the embedded default spec.

Each module in generators/ (other than common.py) is one venue and has a generate() function; see common.py for
the shared market shape (2025-10-10 20:00-22:00 UTC, a long-liquidation cascade). The files are laid out like each
venue's URL space, as FixtureDirectoryTransport reads them (path/query.json). Deterministic: re-running rewrites
identical files.
"""
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "generators"))

if __name__ == "__main__":
    for name in sorted(os.listdir(os.path.join(HERE, "generators"))):
        if name.endswith(".py") and name != "common.py":
            importlib.import_module(name[:-3]).generate()
    importlib.import_module("common").write_ground_truth()
