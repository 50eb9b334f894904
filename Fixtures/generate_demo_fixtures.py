#!/usr/bin/env python3
"""Writes the demo fixtures: recorded-style Binance USD-M and OKX payloads in the venues' exact shapes.

A deterministic (seeded) two-hour window, 2025-10-10 20:00-22:00 UTC, shaped after the documented cascade of that
evening (DOMAIN.md section 6): a calm hour, a long-liquidation flush from 20:50 with the price down ~9%, open
interest falling, then stabilisation. The files are laid out like each venue's URL space, as
FixtureDirectoryTransport reads them (path/query.json); Binance liquidations are a capture of the
!forceOrder@arr combined stream (one message per line), sampled at most once per symbol per second as the venue
does. Re-running this script rewrites identical files.
"""
import json
import math
import os
import random

ROOT = os.path.dirname(os.path.abspath(__file__))
START_MS = 1_760_126_400_000  # 2025-10-10T20:00:00Z
MINUTES = 120
rng = random.Random(20251010)


def price_path(start, crash_depth):
    """Per-minute (open, high, low, close): drift, then a crash between minute 50 and 75, then a partial bounce."""
    bars, price = [], start
    for minute in range(MINUTES):
        if 50 <= minute < 75:
            drift = -crash_depth / 25 * (1.6 if minute < 62 else 0.4)
        elif minute >= 75:
            drift = 0.0006
        else:
            drift = 0.00002
        close = price * (1 + drift + rng.gauss(0, 0.0006 if minute < 50 else 0.002))
        high = max(price, close) * (1 + abs(rng.gauss(0, 0.0004)))
        low = min(price, close) * (1 - abs(rng.gauss(0, 0.0004 if minute < 50 else 0.003)))
        bars.append((price, high, low, close))
        price = close
    return bars


def intensity(minute):
    """Liquidations per minute: calm, then the flush peaking around 21:15, then decay."""
    if minute < 50:
        return 0.6
    if minute < 75:
        return 4 + 40 * math.exp(-((minute - 65) ** 2) / 30)
    return 1.5 * math.exp(-(minute - 75) / 15) + 0.4


def poisson(lam):
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
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        json.dump(payload, handle, separators=(",", ":"))
        handle.write("\n")


ASSETS = {
    "BTC": {"start": 121_350.0, "depth": 0.09, "binance_qty": 0.004, "okx_ct": 0.01, "pp": 1, "qp": 3},
    "ETH": {"start": 4_365.0, "depth": 0.12, "binance_qty": 0.09, "okx_ct": 0.1, "pp": 2, "qp": 3},
}
PATHS = {asset: price_path(spec["start"], spec["depth"]) for asset, spec in ASSETS.items()}


def price_at(asset, ms):
    minute = min(MINUTES - 1, (ms - START_MS) // 60_000)
    open_, high, low, close = PATHS[asset][minute]
    frac = ((ms - START_MS) % 60_000) / 60_000
    return open_ + (close - open_) * frac


# ---------------------------------------------------------------- Binance USD-M
def binance():
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
        "timezone": "UTC", "serverTime": START_MS + MINUTES * 60_000, "futuresType": "U_MARGINED",
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
    end_ms = START_MS + MINUTES * 60_000
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
        spec = ASSETS[asset]
        last_second = -1
        for minute in range(MINUTES):
            for _ in range(poisson(intensity(minute))):
                ms = START_MS + minute * 60_000 + rng.randrange(60_000)
                if ms // 1000 == last_second:
                    continue
                last_second = ms // 1000
                crash = 50 <= minute < 80
                long_liquidated = rng.random() < (0.9 if crash else 0.55)
                qty = round(spec["binance_qty"] * math.exp(rng.gauss(0, 1.1)) * (3 if crash else 1), spec["qp"])
                qty = max(qty, 10 ** -spec["qp"])
                market = price_at(asset, ms)
                slip = 0.0015 * (1 if long_liquidated else -1)
                avg = market * (1 - slip / 3)
                order_price = market * (1 - slip)
                lines.append((ms, {"stream": "!forceOrder@arr", "data": {
                    "e": "forceOrder", "E": ms + rng.randrange(1, 40),
                    "o": {"s": symbol, "S": "SELL" if long_liquidated else "BUY", "o": "LIMIT", "f": "IOC",
                          "q": fmt(qty, spec["qp"]), "p": fmt(order_price, spec["pp"]),
                          "ap": fmt(avg, spec["pp"]), "X": "FILLED", "l": fmt(qty, spec["qp"]),
                          "z": fmt(qty, spec["qp"]), "T": ms}}}))
    lines.sort(key=lambda item: item[1]["data"]["E"])
    path = os.path.join(ROOT, base, "captures", "fstream-market-forceOrder-2025-10-10T20.ndjson")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        for _, message in lines:
            handle.write(json.dumps(message, separators=(",", ":")) + "\n")


# ---------------------------------------------------------------- OKX
def okx():
    base = "okx"

    def instrument(inst_id, uly, ct_type, ct_val, ct_val_ccy, settle, tick, lot):
        return {"alias": "", "auctionEndTime": "", "baseCcy": "", "category": "1", "contTdSwTime": "",
                "ctMult": "1", "ctType": ct_type, "ctVal": ct_val, "ctValCcy": ct_val_ccy, "expTime": "",
                "futureSettlement": False, "instFamily": uly, "instId": inst_id, "instType": "SWAP",
                "lever": "100", "listTime": "1611916828000", "lotSz": lot, "maxIcebergSz": "100000000.0000000000000000",
                "maxLmtAmt": "20000000", "maxLmtSz": "100000000", "maxMktAmt": "", "maxMktSz": "12000",
                "maxStopSz": "12000", "maxTriggerSz": "100000000.0000000000000000",
                "maxTwapSz": "100000000.0000000000000000", "minSz": lot, "openType": "", "optType": "",
                "quoteCcy": "", "ruleType": "normal", "settleCcy": settle, "state": "live", "stk": "",
                "tickSz": tick, "uly": uly}

    write_json(f"{base}/api/v5/public/instruments/instType=SWAP.json", {"code": "0", "msg": "", "data": [
        instrument("BTC-USD-SWAP", "BTC-USD", "inverse", "100", "USD", "BTC", "0.1", "1"),
        instrument("BTC-USDT-SWAP", "BTC-USDT", "linear", "0.01", "BTC", "USDT", "0.1", "0.01"),
        instrument("ETH-USDT-SWAP", "ETH-USDT", "linear", "0.1", "ETH", "USDT", "0.01", "0.01"),
        instrument("SOL-USDT-SWAP", "SOL-USDT", "linear", "1", "SOL", "USDT", "0.01", "0.01"),
    ]})
    end_ms = START_MS + MINUTES * 60_000
    contracts = {"BTC-USDT-SWAP": ("BTC", 0.01, "linear"), "ETH-USDT-SWAP": ("ETH", 0.1, "linear"),
                 "BTC-USD-SWAP": ("BTC", 100.0, "inverse")}
    # Liquidation orders: newest first, at most 100 per page (one page per underlying here).
    for uly, inst_ids in [("BTC-USDT", ["BTC-USDT-SWAP"]), ("ETH-USDT", ["ETH-USDT-SWAP"]),
                          ("BTC-USD", ["BTC-USD-SWAP"])]:
        data = []
        for inst_id in inst_ids:
            asset, ct_val, kind = contracts[inst_id]
            details = []
            for minute in range(MINUTES):
                for _ in range(poisson(intensity(minute) * (0.5 if kind == "inverse" else 0.8))):
                    ms = START_MS + minute * 60_000 + rng.randrange(60_000)
                    crash = 50 <= minute < 80
                    long_liquidated = rng.random() < (0.9 if crash else 0.5)
                    market = price_at(asset, ms)
                    bankruptcy = market * (1 - 0.004) if long_liquidated else market * (1 + 0.004)
                    if kind == "inverse":
                        size = max(1, int(math.exp(rng.gauss(2.5, 1.2)) * (3 if crash else 1)))
                    else:
                        size = max(1, int(math.exp(rng.gauss(1.5, 1.1)) * (3 if crash else 1)))
                    details.append({"bkLoss": "0", "bkPx": fmt(bankruptcy, 1 if asset == "BTC" else 2),
                                    "ccy": "", "posSide": "long" if long_liquidated else "short",
                                    "side": "sell" if long_liquidated else "buy", "sz": str(size), "ts": str(ms)})
            details.sort(key=lambda d: -int(d["ts"]))
            details = details[:100]
            data.append({"details": details, "instFamily": uly, "instId": inst_id, "instType": "SWAP",
                         "totalLoss": "0", "uly": uly})
        write_json(f"{base}/api/v5/public/liquidation-orders/instType=SWAP&uly={uly}&state=filled&limit=100.json",
                   {"code": "0", "msg": "", "data": data})
    oi_rows = []
    for inst_id, (asset, ct_val, kind), contracts_open in [
        ("BTC-USD-SWAP", contracts["BTC-USD-SWAP"], 6_512_340),
        ("BTC-USDT-SWAP", contracts["BTC-USDT-SWAP"], 2_745_102.35),
        ("ETH-USDT-SWAP", contracts["ETH-USDT-SWAP"], 5_320_771.6),
    ]:
        mark = price_at(asset, end_ms - 1)
        if kind == "inverse":
            usd = contracts_open * ct_val
            coin = usd / mark
        else:
            coin = contracts_open * ct_val
            usd = coin * mark
        oi_rows.append({"instId": inst_id, "instType": "SWAP", "oi": fmt(contracts_open, 2), "oiCcy": fmt(coin, 8),
                        "oiUsd": fmt(usd, 4), "ts": str(end_ms - 1200)})
    oi_rows.append({"instId": "SOL-USDT-SWAP", "instType": "SWAP", "oi": "3521904.12", "oiCcy": "3521904.12",
                    "oiUsd": "692187453.1296", "ts": str(end_ms - 1200)})
    write_json(f"{base}/api/v5/public/open-interest/instType=SWAP.json", {"code": "0", "msg": "", "data": oi_rows})
    for inst_id, rate, settled in [("BTC-USDT-SWAP", "-0.0001873502", ["0.0001", "0.0000731"]),
                                   ("ETH-USDT-SWAP", "-0.0003140297", ["0.0001", "0.0000514"]),
                                   ("BTC-USD-SWAP", "-0.0002260911", ["0.0001", "0.0000802"])]:
        write_json(f"{base}/api/v5/public/funding-rate/instId={inst_id}.json", {"code": "0", "msg": "", "data": [{
            "formulaType": "withRate", "fundingRate": rate, "fundingTime": "1760140800000",
            "impactValue": "20000.0000000000000000", "instId": inst_id, "instType": "SWAP",
            "interestRate": "0.0001000000000000", "maxFundingRate": "0.00375", "method": "current_period",
            "minFundingRate": "-0.00375", "nextFundingRate": "", "nextFundingTime": "1760169600000",
            "premium": "-0.0006512987", "prevFundingTime": "1760112000000",
            "settFundingRate": settled[1], "settState": "settled", "ts": str(end_ms - 800)}]})
        write_json(f"{base}/api/v5/public/funding-rate-history/instId={inst_id}&limit=100.json", {
            "code": "0", "msg": "", "data": [
                {"fundingRate": settled[1] + "0291", "fundingTime": "1760112000000", "instId": inst_id,
                 "instType": "SWAP", "method": "current_period", "realizedRate": settled[1]},
                {"fundingRate": settled[0] + "000000", "fundingTime": "1760083200000", "instId": inst_id,
                 "instType": "SWAP", "method": "current_period", "realizedRate": settled[0]},
            ]})


if __name__ == "__main__":
    binance()
    okx()
