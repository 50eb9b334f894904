"""Demo fixtures for hyperliquid, in the venue's exact payload shapes.

Every request is POST /info with a JSON body; the adapter names each one by a query repeating the body
(type=...&coin=...), which is how these files are laid out. The answers are bare JSON (no envelope). The adapter's
clock is the end of the demo window (2025-10-10T22:00Z): metaAndAssetCtxs is the state at that moment, funding
history starts 500 hours before it, and candles are the 500 one-minute candles up to it (the window holds 120,
a short page). There is no public liquidation feed, so there is no capture.
"""
from common import END_MS, MINUTES, START_MS, bar, fmt, in_crash, price_at, venue_rng, write_json

RNG = venue_rng("hyperliquid")
BASE = "hyperliquid"
HOUR_MS = 3_600_000
# Hyperliquid's book trades a little away from the shared path.
BASIS = {"BTC": 0.99994, "ETH": 1.00006, "SOL": 1.00011}
DECIMALS = {"BTC": (0, 5), "ETH": (1, 4), "SOL": (3, 2)}  # (price decimals, szDecimals)
OPEN_INTEREST = {"BTC": 31_874.21934, "ETH": 712_448.6021, "SOL": 3_480_117.91}


def mark(asset, ms):
    return price_at(asset, ms) * BASIS[asset]


def context(asset, ms, funding):
    pp, _ = DECIMALS[asset]
    price = mark(asset, ms)
    oracle = price_at(asset, ms)
    return {
        "funding": funding, "openInterest": fmt(OPEN_INTEREST[asset], DECIMALS[asset][1]),
        "prevDayPx": fmt(price * 1.064, pp), "dayNtlVlm": fmt(price * OPEN_INTEREST[asset] * 0.83, 10),
        "premium": fmt((price - oracle) / oracle, 10), "oraclePx": fmt(oracle, pp), "markPx": fmt(price, pp),
        "midPx": fmt(price * 1.00001, pp + 1), "impactPxs": [fmt(price * 0.99998, pp), fmt(price * 1.00002, pp)],
        "dayBaseVlm": fmt(OPEN_INTEREST[asset] * 0.83, 5),
    }


def hourly_rate(hour_end_ms):
    """Settled hourly funding: the 0.00125% interest floor most hours, drifting, negative after the crash."""
    if hour_end_ms >= START_MS + HOUR_MS:
        return -0.0000412 - 0.000031 * RNG.random()
    return 0.0000125 + (0.0000061 * RNG.random() if RNG.random() < 0.35 else 0.0)


def generate():
    universe = [
        {"szDecimals": 5, "name": "BTC", "maxLeverage": 40, "marginTableId": 56},
        {"szDecimals": 4, "name": "ETH", "maxLeverage": 25, "marginTableId": 55},
        {"szDecimals": 2, "name": "ATOM", "maxLeverage": 5, "marginTableId": 5, "isDelisted": True},
        {"szDecimals": 2, "name": "SOL", "maxLeverage": 20, "marginTableId": 54},
    ]
    delisted = {"funding": "0.0", "openInterest": "0.0", "prevDayPx": "4.1803", "dayNtlVlm": "0.0",
                "premium": None, "oraclePx": "4.1822", "markPx": "4.1803", "midPx": None, "impactPxs": None,
                "dayBaseVlm": "0.0"}
    now = END_MS
    write_json(f"{BASE}/info/type=metaAndAssetCtxs.json", [
        {"universe": universe, "marginTables": [
            [56, {"description": "tiered 40x", "marginTiers": [{"lowerBound": "0.0", "maxLeverage": 40},
                                                              {"lowerBound": "150000000.0", "maxLeverage": 20}]}]]},
        [context("BTC", now, "-0.0000412834"), context("ETH", now, "-0.0000561207"), delisted,
         context("SOL", now, "-0.0000733415")],
    ])
    for coin in ("BTC", "ETH"):
        start = now - 500 * HOUR_MS
        # 500 hourly settlements from the first whole hour after `start`, oldest first, with Hyperliquid's
        # millisecond jitter on `time`; some rows carry no premium.
        rows = []
        for hour in range(500):
            settle = start + hour * HOUR_MS
            rate = hourly_rate(settle)
            row = {"coin": coin, "fundingRate": fmt(rate, 10).rstrip("0"), "time": settle + RNG.randrange(1, 120)}
            if RNG.random() < 0.9:
                row["premium"] = fmt(rate - 0.0000125 + RNG.gauss(0, 0.00002), 8)
            rows.append(row)
        write_json(f"{BASE}/info/type=fundingHistory&coin={coin}&startTime={start}.json", rows)
        pp, sz = DECIMALS[coin]
        candles = []
        for minute in range(MINUTES):
            open_, high, low, close = (value * BASIS[coin] for value in bar(coin, minute))
            volume = RNG.lognormvariate(2.6 if coin == "BTC" else 5.7, 0.6) * (4 if in_crash(minute) else 1)
            t = START_MS + minute * 60_000
            candles.append({"t": t, "T": t + 59_999, "s": coin, "i": "1m", "o": fmt(open_, pp), "c": fmt(close, pp),
                            "h": fmt(high, pp), "l": fmt(low, pp), "v": fmt(volume, sz),
                            "n": int(volume * (40 if coin == "BTC" else 2))})
        write_json(f"{BASE}/info/type=candleSnapshot&coin={coin}&interval=1m&startTime={now - 500 * 60_000 + 1}"
                   f"&endTime={now}.json", candles)
