"""Demo fixtures for binance-coinm (dapi), in the venue's exact payload shapes: quantities in contracts of 100 USD
(BTC) or 10 USD (others), open interest history keyed by pair, premiumIndex always an array."""
import math

from common import (
    CRASH_START, END_MS, MINUTES, START_MS, bar, fmt, in_crash, intensity, poisson, price_at, venue_rng, write_json,
    write_lines,
)

RNG = venue_rng("binance-coinm")
BASE = "binance-coinm"
# symbol, pair, asset, contract type, contract size (USD), price decimals, calm traded USD per minute.
CONTRACTS = [
    ("BTCUSD_PERP", "BTCUSD", "BTC", "PERPETUAL", 100, 1, 4_200_000.0),
    ("ETHUSD_PERP", "ETHUSD", "ETH", "PERPETUAL", 10, 2, 2_100_000.0),
]


def symbol_info(symbol, pair, asset, contract_type, size, price_decimals, delivery, onboard):
    """One `exchangeInfo` symbol, fields as in the recorded 2021 dapi capture."""
    return {
        "symbol": symbol, "pair": pair, "contractType": contract_type, "deliveryDate": delivery,
        "onboardDate": onboard, "contractStatus": "TRADING", "contractSize": size, "marginAsset": asset,
        "maintMarginPercent": "2.5000", "requiredMarginPercent": "5.0000", "baseAsset": asset, "quoteAsset": "USD",
        "pricePrecision": price_decimals, "quantityPrecision": 0, "baseAssetPrecision": 8, "quotePrecision": 8,
        "equalQtyPrecision": 4, "maxMoveOrderLimit": 10000, "triggerProtect": "0.0500", "underlyingType": "COIN",
        "underlyingSubType": [],
        "filters": [
            {"minPrice": "1000" if asset == "BTC" else "50", "maxPrice": "4520958", "filterType": "PRICE_FILTER",
             "tickSize": "0.1" if price_decimals == 1 else "0.01"},
            {"stepSize": "1", "filterType": "LOT_SIZE", "maxQty": "1000000", "minQty": "1"},
            {"stepSize": "1", "filterType": "MARKET_LOT_SIZE", "maxQty": "60000", "minQty": "1"},
            {"limit": 200, "filterType": "MAX_NUM_ORDERS"},
            {"multiplierDown": "0.9500", "multiplierUp": "1.0500", "multiplierDecimal": "4",
             "filterType": "PERCENT_PRICE"},
        ],
        "orderTypes": ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
                       "TRAILING_STOP_MARKET"],
        "timeInForce": ["GTC", "IOC", "FOK", "GTX"], "liquidationFee": "0.015000", "marketTakeBound": "0.05",
    }


def generate():
    write_json(f"{BASE}/dapi/v1/exchangeInfo/index.json", {
        "timezone": "UTC", "serverTime": END_MS,
        "rateLimits": [
            {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": 2400},
            {"rateLimitType": "ORDERS", "interval": "MINUTE", "intervalNum": 1, "limit": 1200},
        ],
        "exchangeFilters": [],
        "symbols": [
            symbol_info("BTCUSD_PERP", "BTCUSD", "BTC", "PERPETUAL", 100, 1, 4133404800000, 1597042800000),
            symbol_info("ETHUSD_PERP", "ETHUSD", "ETH", "PERPETUAL", 10, 2, 4133404800000, 1597734000000),
            symbol_info("SOLUSD_PERP", "SOLUSD", "SOL", "PERPETUAL", 10, 3, 4133404800000, 1631775600000),
            symbol_info("BTCUSD_251226", "BTCUSD", "BTC", "CURRENT_QUARTER", 100, 1, 1766736000000, 1750982400000),
        ],
    })
    write_json(f"{BASE}/dapi/v1/fundingInfo/index.json", [
        {"symbol": "SOLUSD_PERP", "adjustedFundingRateCap": "0.02000000", "adjustedFundingRateFloor": "-0.02000000",
         "fundingIntervalHours": 4, "disclaimer": False},
    ])
    # One premiumIndex answer for every symbol (weight 10 whatever the filter); the quarterly has no funding.
    premium = []
    for symbol, pair, asset, size, rate in [("BTCUSD_PERP", "BTCUSD", "BTC", 1, "-0.00009871"),
                                            ("ETHUSD_PERP", "ETHUSD", "ETH", 2, "-0.00021540"),
                                            ("SOLUSD_PERP", "SOLUSD", "SOL", 3, "-0.00030112"),
                                            ("BTCUSD_251226", "BTCUSD", "BTC", 1, "")]:
        mark = price_at(asset, END_MS - 1) * (1.004 if rate == "" else 1.0)
        premium.append({
            "symbol": symbol, "pair": pair, "markPrice": fmt(mark, 8),
            "indexPrice": fmt(price_at(asset, END_MS - 1) * 1.0002, 8),
            "estimatedSettlePrice": fmt(price_at(asset, END_MS - 1) * 1.0001, 8), "lastFundingRate": rate,
            "interestRate": "" if rate == "" else "0.00010000",
            "nextFundingTime": 0 if rate == "" else 1760140800000, "time": END_MS - 1,
        })
    write_json(f"{BASE}/dapi/v1/premiumIndex/index.json", premium)

    for symbol, pair, asset, contract_type, size, decimals, _ in CONTRACTS:
        # Open interest every 5 minutes in contracts, valued in the base coin; flushed ~30% in the crash.
        rows, contracts_open = [], (6_450_000 if asset == "BTC" else 4_980_000)
        for step in range(MINUTES // 5):
            minute = step * 5
            contracts_open = round(contracts_open * (0.965 if 50 <= minute < 75 else (1.0012 if minute < 50 else 1.0003)))
            ts = START_MS + minute * 60_000
            rows.append({"pair": pair, "contractType": contract_type, "sumOpenInterest": str(contracts_open),
                         "sumOpenInterestValue": fmt(contracts_open * size / price_at(asset, ts), 8),
                         "timestamp": ts})
        write_json(f"{BASE}/futures/data/openInterestHist/pair={pair}&contractType={contract_type}&period=5m&limit=500.json",
                   rows)
        write_json(f"{BASE}/dapi/v1/fundingRate/symbol={symbol}&limit=1000.json", [
            {"symbol": symbol, "fundingTime": ts, "fundingRate": rate}
            for ts, rate in zip([1760083200000, 1760112000000], ["0.00010000", "0.00006391"])
        ])

    write_capture()
    write_klines()


def write_capture():
    """`!forceOrder@arr` on dstream: quantities in contracts, at most one event per symbol per second."""
    lines = []
    for symbol, pair, asset, _, size, decimals, _ in CONTRACTS:
        last_second = -1
        for minute in range(MINUTES):
            for _ in range(poisson(RNG, intensity(minute) * 0.6)):
                ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
                if ms // 1000 == last_second:
                    continue
                last_second = ms // 1000
                crash = 50 <= minute < 80
                long_liquidated = RNG.random() < (0.9 if crash else 0.55)
                contracts = max(1, int(math.exp(RNG.gauss(2.3 if asset == "BTC" else 3.0, 1.2)) * (3 if crash else 1)))
                market = price_at(asset, ms)
                slip = 0.0015 * (1 if long_liquidated else -1)
                quantity = str(contracts)
                lines.append({"stream": "!forceOrder@arr", "data": {
                    "e": "forceOrder", "E": ms + RNG.randrange(1, 40),
                    "o": {"s": symbol, "ps": pair, "S": "SELL" if long_liquidated else "BUY", "o": "LIMIT", "f": "IOC",
                          "q": quantity, "p": fmt(market * (1 - slip), decimals),
                          "ap": fmt(market * (1 - slip / 3), decimals), "X": "FILLED", "l": quantity, "z": quantity,
                          "T": ms}}})
    lines.sort(key=lambda message: message["data"]["E"])
    write_lines(f"{BASE}/captures/dstream-forceOrder-2025-10-10T20.ndjson", lines)


def write_klines():
    """1m klines in COIN-M's columns: 5 volume in contracts, 7 base volume, 9 taker-buy contracts, 10 taker-buy
    base; OHLC is the shared price path."""
    for symbol, _, asset, _, size, decimals, calm_usd in CONTRACTS:
        rows = []
        for minute in range(MINUTES):
            open_, high, low, close = bar(asset, minute)
            surge = 1 + (7 * intensity(minute) / 44 if minute >= CRASH_START else 0)
            contracts = max(1, round(calm_usd * surge * math.exp(RNG.gauss(0, 0.25)) / size))
            buy_contracts = round(contracts * min(0.9, max(0.1, RNG.gauss(0.36 if in_crash(minute) else 0.5, 0.04))))
            vwap = (high + low + close) / 3
            opened = START_MS + minute * 60_000
            rows.append([opened, fmt(open_, decimals), fmt(high, decimals), fmt(low, decimals), fmt(close, decimals),
                         str(contracts), opened + 59_999, fmt(contracts * size / vwap, 8),
                         contracts // 40 + RNG.randrange(30), str(buy_contracts), fmt(buy_contracts * size / vwap, 8),
                         "0"])
        write_json(f"{BASE}/dapi/v1/klines/symbol={symbol}&interval=1m&limit=1000.json", rows)
