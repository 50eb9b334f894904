"""Demo fixtures for binance-usdm, in the venue's exact payload shapes."""
import math

from common import (
    CRASH_START, END_MS, MINUTES, START_MS, bar, fmt, in_crash, intensity, poisson, price_at, venue_rng, write_json,
    write_lines,
)

RNG = venue_rng("binance-usdm")
# Typical liquidation size (base units) and price/quantity decimals per asset.
SIZES = {"BTC": {"binance_qty": 0.004, "pp": 1, "qp": 3}, "ETH": {"binance_qty": 0.09, "pp": 2, "qp": 3}}
# Calm traded volume per minute in base units.
BAR_VOLUME = {"BTC": 160.0, "ETH": 3_900.0}


# ---------------------------------------------------------------- Binance USD-M
def generate():
    base = "binance-usdm"
    symbols = [("BTCUSDT", "BTC"), ("ETHUSDT", "ETH")]
    filters = [
        {"minPrice": "556.80", "maxPrice": "4529764", "filterType": "PRICE_FILTER", "tickSize": "0.10"},
        {"stepSize": "0.001", "filterType": "LOT_SIZE", "maxQty": "1000", "minQty": "0.001"},
        {"stepSize": "0.001", "filterType": "MARKET_LOT_SIZE", "maxQty": "120", "minQty": "0.001"},
        {"limit": 200, "filterType": "MAX_NUM_ORDERS"},
        {"limit": 10, "filterType": "MAX_NUM_ALGO_ORDERS"},
        {"notional": "100", "filterType": "MIN_NOTIONAL"},
        {"multiplierDown": "0.9500", "multiplierUp": "1.0500", "multiplierDecimal": "4", "filterType": "PERCENT_PRICE"},
    ]

    def symbol_info(symbol, asset, pair, contract_type, onboard):
        return {
            "symbol": symbol, "pair": pair, "contractType": contract_type, "deliveryDate": 4133404800000,
            "onboardDate": onboard, "status": "TRADING", "maintMarginPercent": "2.5000",
            "requiredMarginPercent": "5.0000", "baseAsset": asset, "quoteAsset": "USDT", "marginAsset": "USDT",
            "pricePrecision": 2, "quantityPrecision": 3, "baseAssetPrecision": 8, "quotePrecision": 8,
            "underlyingType": "COIN", "underlyingSubType": ["PoW"] if asset == "BTC" else ["Layer-1"],
            "triggerProtect": "0.0500", "liquidationFee": "0.012500", "marketTakeBound": "0.05",
            "maxMoveOrderLimit": 10000, "filters": filters,
            "orderTypes": ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
                           "TRAILING_STOP_MARKET"],
            "timeInForce": ["GTC", "IOC", "FOK", "GTX", "GTD"], "permissionSets": ["GRID", "COPY"],
        }

    write_json(f"{base}/fapi/v1/exchangeInfo/index.json", {
        "timezone": "UTC", "serverTime": END_MS, "futuresType": "U_MARGINED",
        "rateLimits": [
            {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": 2400},
            {"rateLimitType": "ORDERS", "interval": "MINUTE", "intervalNum": 1, "limit": 1200},
            {"rateLimitType": "ORDERS", "interval": "SECOND", "intervalNum": 10, "limit": 300},
        ],
        "exchangeFilters": [],
        "assets": [{"asset": "USDT", "marginAvailable": True, "autoAssetExchange": "-10000"}],
        "symbols": [
            symbol_info("BTCUSDT", "BTC", "BTCUSDT", "PERPETUAL", 1569398400000),
            symbol_info("ETHUSDT", "ETH", "ETHUSDT", "PERPETUAL", 1569398400000),
            symbol_info("SOLUSDT", "SOL", "SOLUSDT", "PERPETUAL", 1569398400000),
            symbol_info("BTCUSDT_251226", "BTC", "BTCUSDT", "CURRENT_QUARTER", 1750982400000),
        ],
    })
    write_json(f"{base}/fapi/v1/fundingInfo/index.json", [
        {"symbol": "SOLUSDT", "adjustedFundingRateCap": "0.02000000", "adjustedFundingRateFloor": "-0.02000000",
         "fundingIntervalHours": 4, "disclaimer": False},
    ])
    end_ms = END_MS
    for symbol, asset in symbols:
        mark = price_at(asset, end_ms - 1)
        write_json(f"{base}/fapi/v1/premiumIndex/symbol={symbol}.json", {
            "symbol": symbol, "markPrice": fmt(mark, 8), "indexPrice": fmt(mark * 1.0002, 8),
            "estimatedSettlePrice": fmt(mark * 1.0001, 8), "lastFundingRate": "-0.00012431",
            "interestRate": "0.00010000", "nextFundingTime": 1760140800000, "time": end_ms - 1,
        })
        # Open interest every 5 minutes: rising slowly, then flushed ~30% during the crash.
        rows, oi = [], (88_500.0 if asset == "BTC" else 2_150_000.0)
        for step in range(MINUTES // 5):
            minute = step * 5
            oi *= 0.965 if 50 <= minute < 75 else (1.0015 if minute < 50 else 1.0004)
            ts = START_MS + minute * 60_000
            rows.append({"symbol": symbol, "sumOpenInterest": fmt(oi, 8),
                         "sumOpenInterestValue": fmt(oi * price_at(asset, ts), 8),
                         "CMCCirculatingSupply": "19935112.00000000" if asset == "BTC" else "120697000.00000000",
                         "timestamp": ts})
        write_json(f"{base}/futures/data/openInterestHist/symbol={symbol}&period=5m&limit=500.json", rows)
        settlements = [1760083200000, 1760112000000]  # 08:00 and 16:00 UTC on 10 Oct
        write_json(f"{base}/fapi/v1/fundingRate/symbol={symbol}&limit=1000.json", [
            {"symbol": symbol, "fundingTime": ts, "fundingRate": rate,
             "markPrice": fmt(price_at(asset, START_MS) * (0.995 + 0.002 * i), 8)}
            for i, (ts, rate) in enumerate(zip(settlements, ["0.00010000", "0.00008712"]))
        ])

    # !forceOrder@arr capture: at most one event per symbol per second (the venue's sampling).
    lines = []
    for symbol, asset in symbols:
        spec = SIZES[asset]
        last_second = -1
        for minute in range(MINUTES):
            for _ in range(poisson(RNG, intensity(minute))):
                ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
                if ms // 1000 == last_second:
                    continue
                last_second = ms // 1000
                crash = 50 <= minute < 80
                long_liquidated = RNG.random() < (0.9 if crash else 0.55)
                qty = round(spec["binance_qty"] * math.exp(RNG.gauss(0, 1.1)) * (3 if crash else 1), spec["qp"])
                qty = max(qty, 10 ** -spec["qp"])
                market = price_at(asset, ms)
                slip = 0.0015 * (1 if long_liquidated else -1)
                avg = market * (1 - slip / 3)
                order_price = market * (1 - slip)
                lines.append((ms, {"stream": "!forceOrder@arr", "data": {
                    "e": "forceOrder", "E": ms + RNG.randrange(1, 40),
                    "o": {"s": symbol, "S": "SELL" if long_liquidated else "BUY", "o": "LIMIT", "f": "IOC",
                          "q": fmt(qty, spec["qp"]), "p": fmt(order_price, spec["pp"]),
                          "ap": fmt(avg, spec["pp"]), "X": "FILLED", "l": fmt(qty, spec["qp"]),
                          "z": fmt(qty, spec["qp"]), "T": ms}}}))
    lines.sort(key=lambda item: item[1]["data"]["E"])
    write_lines(f"{base}/captures/fstream-market-forceOrder-2025-10-10T20.ndjson", [message for _, message in lines])

    # Trade klines (1m) over the window, drawn after the capture so the capture's events do not move; OHLC is the
    # shared price path. Volume swells in the flush and the taker-buy share falls (sellers hit bids).
    for symbol, asset in symbols:
        spec = SIZES[asset]
        rows = []
        for minute in range(MINUTES):
            open_, high, low, close = bar(asset, minute)
            surge = 1 + (7 * intensity(minute) / 44 if minute >= CRASH_START else 0)
            volume = BAR_VOLUME[asset] * surge * math.exp(RNG.gauss(0, 0.25))
            buy_share = min(0.9, max(0.1, RNG.gauss(0.36 if in_crash(minute) else 0.5, 0.04)))
            vwap = (high + low + close) / 3
            opened = START_MS + minute * 60_000
            rows.append([opened, fmt(open_, spec["pp"]), fmt(high, spec["pp"]), fmt(low, spec["pp"]),
                         fmt(close, spec["pp"]), fmt(volume, 3), opened + 59_999, fmt(volume * vwap, 5),
                         int(volume * (9 if asset == "BTC" else 0.5)) + RNG.randrange(40),
                         fmt(volume * buy_share, 3), fmt(volume * buy_share * vwap, 5), "0"])
        write_json(f"{base}/fapi/v1/klines/symbol={symbol}&interval=1m&limit=1000.json", rows)
