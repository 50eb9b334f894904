"""Shared market shape of the demo fixtures: one deterministic two-hour window, 2025-10-10 20:00-22:00 UTC, shaped
after the documented cascade of that evening (DOMAIN.md section 6): a calm hour, a long-liquidation flush from 20:50
with prices down ~9-12%, open interest flushed, then stabilisation. Every venue module draws its own events from
its own seeded random stream, so adding a venue never changes another venue's files.
"""
import json
import math
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START_MS = 1_760_126_400_000  # 2025-10-10T20:00:00Z
MINUTES = 120
END_MS = START_MS + MINUTES * 60_000
CRASH_START, CRASH_END = 50, 75


def venue_rng(name):
    """A random stream of its own per venue (string seeds are hashed with SHA-512: stable across runs)."""
    return random.Random("liqpipe-demo-" + name)


def _price_path(rng, start, crash_depth):
    """Per-minute (open, high, low, close): drift, a crash between minutes 50 and 75, then a partial bounce."""
    bars, price = [], start
    for minute in range(MINUTES):
        if CRASH_START <= minute < CRASH_END:
            drift = -crash_depth / 25 * (1.6 if minute < 62 else 0.4)
        elif minute >= CRASH_END:
            drift = 0.0006
        else:
            drift = 0.00002
        close = price * (1 + drift + rng.gauss(0, 0.0006 if minute < CRASH_START else 0.002))
        high = max(price, close) * (1 + abs(rng.gauss(0, 0.0004)))
        low = min(price, close) * (1 - abs(rng.gauss(0, 0.0004 if minute < CRASH_START else 0.003)))
        bars.append((price, high, low, close))
        price = close
    return bars


_path_rng = random.Random("liqpipe-demo-prices")
ASSETS = {
    "BTC": {"start": 121_350.0, "depth": 0.09},
    "ETH": {"start": 4_365.0, "depth": 0.12},
    "SOL": {"start": 222.40, "depth": 0.14},
}
PATHS = {asset: _price_path(_path_rng, spec["start"], spec["depth"]) for asset, spec in ASSETS.items()}


def bar(asset, minute):
    """(open, high, low, close) of the asset's minute bar."""
    return PATHS[asset][max(0, min(MINUTES - 1, minute))]


def price_at(asset, ms):
    """The asset's price at `ms`, interpolated inside its minute bar."""
    minute = min(MINUTES - 1, max(0, (ms - START_MS) // 60_000))
    open_, _, _, close = PATHS[asset][minute]
    frac = ((ms - START_MS) % 60_000) / 60_000
    return open_ + (close - open_) * frac


def intensity(minute):
    """Liquidations per minute: calm, then the flush peaking around 21:15, then decay."""
    if minute < CRASH_START:
        return 0.6
    if minute < CRASH_END:
        return 4 + 40 * math.exp(-((minute - 65) ** 2) / 30)
    return 1.5 * math.exp(-(minute - CRASH_END) / 15) + 0.4


def in_crash(minute):
    return CRASH_START <= minute < CRASH_END + 5


def poisson(rng, lam):
    """A Poisson draw by inversion: few events per minute, so the loop is short."""
    k, p = 0, math.exp(-lam)
    s, u = p, rng.random()
    while u > s:
        k += 1
        p *= lam / k
        s += p
    return k


def fmt(value, decimals):
    return f"{value:.{decimals}f}"


def write_json(relative, payload):
    """Writes a response body under Fixtures/, laid out as FixtureDirectoryTransport reads it."""
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        json.dump(payload, handle, separators=(",", ":"))
        handle.write("\n")


def write_lines(relative, messages):
    """Writes a capture: one venue message per line."""
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        for message in messages:
            handle.write(json.dumps(message, separators=(",", ":")) + "\n")


def write_ground_truth():
    """The demo's designed cascade (DOMAIN.md section 6 shape), for checking the detector against: a long cascade
    of every asset from the crash start (minute 50, 20:50 UTC), peaking with the intensity at minute 65, exhausted
    at minute 75, when the intensity has been at most 20% of its peak for three minutes (it first is at minute 73)
    and the price stops falling."""
    minute = 60_000
    write_json("ground_truth.json", {
        "description": "Designed cascade of the demo fixtures (generators/common.py): onset, peak and exhaustion.",
        "cascades": [
            {"asset": asset, "side": "long", "onsetMs": START_MS + CRASH_START * minute,
             "peakMs": START_MS + 65 * minute, "exhaustionMs": START_MS + CRASH_END * minute}
            for asset in ("BTC", "ETH")
        ],
    })

