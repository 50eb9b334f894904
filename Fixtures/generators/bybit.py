"""Demo fixtures for bybit (v5), in the venue's exact payload shapes.

REST answers sit in the envelope {"retCode":0,"retMsg":"OK","result":{...},"retExtInfo":{},"time":...}; history
lists are newest first. Linear quantities are base coin, inverse (BTCUSD) quantities are USD contracts.
openInterest is two-sided and singleOpenInterest one side, as the API reports them today. Liquidations come only
from the allLiquidation stream: one capture per WebSocket connection (linear and inverse), with tickers snapshots
and deltas (only changed fields) on the same connection.
"""
import math

from common import (
    END_MS, MINUTES, START_MS, bar, fmt, in_crash, intensity, poisson, price_at, venue_rng, write_json, write_lines,
)

RNG = venue_rng("bybit")
BASE = "bybit"
# symbol -> (asset, category, price decimals, quantity decimals, settle coin)
SYMBOLS = {
    "BTCUSDT": ("BTC", "linear", 1, 3, "USDT"),
    "ETHUSDT": ("ETH", "linear", 2, 2, "USDT"),
    "BTCUSD": ("BTC", "inverse", 1, 0, "BTC"),
}
# Bybit trades a little away from the shared path (its own basis).
BASIS = {"BTCUSDT": 1.00008, "ETHUSDT": 0.99991, "BTCUSD": 1.00015}
FUNDING = {"BTCUSDT": ["0.0001", "0.00008813", "0.00004511", "0.0001"],
           "ETHUSDT": ["0.0001", "0.00007502", "0.00002874", "0.0001"],
           "BTCUSD": ["0.0001", "0.00009115", "0.00006077", "0.0001"]}
SETTLEMENTS = [1760112000000, 1760083200000, 1760054400000, 1760025600000]  # 16:00, 08:00, 00:00 10 Oct; 16:00 9 Oct


def envelope(result, time_ms):
    return {"retCode": 0, "retMsg": "OK", "result": result, "retExtInfo": {}, "time": time_ms}


def price(symbol, ms):
    return price_at(SYMBOLS[symbol][0], ms) * BASIS[symbol]


def instrument(symbol, base, quote, settle, contract_type, tick, qty_step, funding_minutes, delivery="0"):
    return {
        "symbol": symbol, "contractType": contract_type, "status": "Trading", "baseCoin": base, "quoteCoin": quote,
        "launchTime": "1585526400000", "deliveryTime": delivery, "deliveryFeeRate": "" if delivery == "0" else "0.0005",
        "priceScale": str(len(tick.split(".")[1]) if "." in tick else 0),
        "leverageFilter": {"minLeverage": "1", "maxLeverage": "100.00", "leverageStep": "0.01"},
        "priceFilter": {"minPrice": tick, "maxPrice": "1999999.80", "tickSize": tick},
        "lotSizeFilter": {"maxOrderQty": "1190.000", "minOrderQty": qty_step, "qtyStep": qty_step,
                          "postOnlyMaxOrderQty": "1190.000", "maxMktOrderQty": "500.000", "minNotionalValue": "5"},
        "unifiedMarginTrade": True, "fundingInterval": funding_minutes, "settleCoin": settle, "copyTrading": "both",
        "upperFundingRate": "0.005", "lowerFundingRate": "-0.005", "isPreListing": False, "preListingInfo": None,
        "riskParameters": {"priceLimitRatioX": "0.01", "priceLimitRatioY": "0.02"}, "symbolType": "",
    }


def open_interest_one_side(symbol, minute):
    """One side of the open interest: rising slowly, then flushed ~30% during the crash (contracts)."""
    oi = {"BTCUSDT": 52_400.0, "ETHUSDT": 1_210_000.0, "BTCUSD": 1_985_000_000.0}[symbol]
    for step in range(minute // 5 + 1):
        m = step * 5
        oi *= 0.966 if 50 <= m < 75 else (1.0012 if m < 50 else 1.0003)
    return oi


def oi_texts(symbol, minute, total_decimals):
    """(singleOpenInterest, openInterest) as Bybit prints them: the two-sided total is exactly twice one side."""
    single = round(open_interest_one_side(symbol, minute), 0 if SYMBOLS[symbol][1] == "inverse" else 3)
    return fmt(single, 0 if SYMBOLS[symbol][1] == "inverse" else 3), fmt(2 * single, total_decimals)


def ticker_row(symbol, ms, funding_rate):
    asset, category, pp, _, _ = SYMBOLS[symbol]
    mark = price(symbol, ms)
    minute = (ms - START_MS) // 60_000
    single = open_interest_one_side(symbol, minute)
    single_text, total_text = oi_texts(symbol, minute, 0 if category == "inverse" else 3)
    inverse = category == "inverse"
    return {
        "symbol": symbol, "lastPrice": fmt(mark * 1.00002, pp), "indexPrice": fmt(mark / 1.0002, 2),
        "markPrice": fmt(mark, 2), "prevPrice24h": fmt(mark * 1.061, pp), "price24hPcnt": "-0.057541",
        "highPrice24h": fmt(mark * 1.072, pp), "lowPrice24h": fmt(mark * 0.991, pp),
        "prevPrice1h": fmt(price(symbol, ms - 3_600_000), pp),
        "openInterest": total_text,
        "openInterestValue": fmt(2 * single / mark, 2) if inverse else fmt(2 * single * mark, 2),
        "singleOpenInterest": single_text,
        "singleOpenInterestValue": fmt(single / mark, 2) if inverse else fmt(single * mark, 2),
        "turnover24h": "15703831.21" if inverse else "8570383121.9434", "volume24h": "1870991384" if inverse else "71705.276",
        "fundingRate": funding_rate, "nextFundingTime": "1760140800000", "predictedDeliveryPrice": "", "basisRate": "",
        "deliveryFeeRate": "", "deliveryTime": "0", "ask1Size": "12" if inverse else "3.020",
        "bid1Price": fmt(mark * 0.99999, pp), "ask1Price": fmt(mark * 1.00001, pp),
        "bid1Size": "2408" if inverse else "4.489", "basis": "", "preOpenPrice": "", "preQty": "",
        "curPreListingPhase": "", "fundingIntervalHour": "8", "fundingCap": "0.005",
    }


def running_rate(symbol, minute):
    """The running funding rate: positive, pushed below zero by the crash."""
    base = {"BTCUSDT": 0.0000731, "ETHUSDT": 0.0000514, "BTCUSD": 0.0000802}[symbol]
    if minute >= 50:
        base -= 0.00021 * min(1.0, (minute - 50) / 20)
    return fmt(base, 8)


def generate():
    write_json(f"{BASE}/v5/market/instruments-info/category=linear&limit=1000.json", envelope({
        "category": "linear", "nextPageCursor": "", "list": [
            instrument("BTCUSDT", "BTC", "USDT", "USDT", "LinearPerpetual", "0.10", "0.001", 480),
            instrument("ETHUSDT", "ETH", "USDT", "USDT", "LinearPerpetual", "0.01", "0.01", 480),
            instrument("SOLUSDT", "SOL", "USDT", "USDT", "LinearPerpetual", "0.010", "0.1", 240),
            instrument("BTCUSDT-26DEC25", "BTC", "USDT", "USDT", "LinearFutures", "0.50", "0.001", 0,
                       delivery="1766736000000"),
        ]}, END_MS - 4_211))
    write_json(f"{BASE}/v5/market/instruments-info/category=inverse&limit=1000.json", envelope({
        "category": "inverse", "nextPageCursor": "", "list": [
            instrument("BTCUSD", "BTC", "USD", "BTC", "InversePerpetual", "0.50", "1", 480),
            instrument("ETHUSD", "ETH", "USD", "ETH", "InversePerpetual", "0.05", "1", 480),
            instrument("BTCUSDZ25", "BTC", "USD", "BTC", "InverseFutures", "0.50", "1", 0, delivery="1766736000000"),
        ]}, END_MS - 4_102))

    snapshot_ms = END_MS - 1_377
    for category in ("linear", "inverse"):
        rows = [ticker_row(symbol, snapshot_ms, running_rate(symbol, MINUTES - 1))
                for symbol, spec in SYMBOLS.items() if spec[1] == category]
        write_json(f"{BASE}/v5/market/tickers/category={category}.json",
                   envelope({"category": category, "list": rows}, snapshot_ms))

    for symbol, (asset, category, pp, qp, _) in SYMBOLS.items():
        query = f"category={category}&symbol={symbol}"
        # Open interest every 5 minutes, newest first; a short page (the window holds 24 rows), so no cursor.
        rows = []
        for step in reversed(range(MINUTES // 5)):
            single_text, total_text = oi_texts(symbol, step * 5, 8)
            rows.append({"openInterest": total_text, "singleOpenInterest": single_text,
                         "timestamp": str(START_MS + step * 5 * 60_000)})
        write_json(f"{BASE}/v5/market/open-interest/{query}&intervalTime=5min&limit=200.json", envelope({
            "symbol": symbol, "category": category, "list": rows, "nextPageCursor": ""}, END_MS - 912))
        # Settled funding, newest first: every 8 hours.
        write_json(f"{BASE}/v5/market/funding/history/{query}&limit=200.json", envelope({
            "category": category, "list": [
                {"symbol": symbol, "fundingRate": rate, "fundingRateTimestamp": str(ts)}
                for ts, rate in zip(SETTLEMENTS, FUNDING[symbol])]}, END_MS - 655))
        # 1-minute klines, newest first: [start, open, high, low, close, volume, turnover]. Linear volume is the
        # base coin and turnover USDT; inverse volume is USD contracts and turnover BTC.
        klines = []
        for minute in reversed(range(MINUTES)):
            open_, high, low, close = (value * BASIS[symbol] for value in bar(asset, minute))
            typical = (high + low + close) / 3
            if category == "inverse":
                volume = round(RNG.lognormvariate(13.2, 0.5) * (4 if in_crash(minute) else 1))
                volume_text, turnover_text = str(volume), fmt(volume / typical, 8)
            else:
                volume = RNG.lognormvariate(3.2 if asset == "BTC" else 6.3, 0.5) * (4 if in_crash(minute) else 1)
                volume_text, turnover_text = fmt(volume, qp), fmt(volume * typical, 4)
            klines.append([str(START_MS + minute * 60_000), fmt(open_, pp), fmt(high, pp), fmt(low, pp),
                           fmt(close, pp), volume_text, turnover_text])
        write_json(f"{BASE}/v5/market/kline/{query}&interval=1&limit=200.json", envelope({
            "symbol": symbol, "category": category, "list": klines}, END_MS - 377))

    write_captures()


def write_captures():
    for category in ("linear", "inverse"):
        symbols = [symbol for symbol, spec in SYMBOLS.items() if spec[1] == category]
        conn_id = f"d2f8{category[:3]}a1-7c55-4f60-9e43-0b8ce1{len(category):02d}f3a"
        lines = [(START_MS - 900, {"success": True, "ret_msg": "", "conn_id": conn_id, "req_id": "liqpipe-1",
                                   "op": "subscribe"})]
        for symbol in symbols:
            asset, _, pp, qp, _ = SYMBOLS[symbol]
            # Tickers: a snapshot, then deltas carrying only what changed (mark/index every 15 s, open interest
            # every minute, the running funding rate every 5 minutes).
            ms = START_MS + 87
            lines.append((ms, {"topic": f"tickers.{symbol}", "type": "snapshot",
                               "data": ticker_row(symbol, ms, running_rate(symbol, 0)),
                               "cs": 24987956059, "ts": ms}))
            for second in range(15, MINUTES * 60, 15):
                ms = START_MS + second * 1000 + RNG.randrange(1, 100)
                minute = second // 60
                mark = price(symbol, ms)
                data = {"symbol": symbol, "markPrice": fmt(mark, 2), "indexPrice": fmt(mark / 1.0002, 2),
                        "bid1Price": fmt(mark * 0.99999, pp), "bid1Size": fmt(RNG.uniform(0.1, 9), 3)}
                if second % 60 == 0:
                    single_text, total_text = oi_texts(symbol, minute, 0 if category == "inverse" else 3)
                    data["openInterest"] = total_text
                    data["singleOpenInterest"] = single_text
                if second % 300 == 0:
                    data["fundingRate"] = running_rate(symbol, minute)
                lines.append((ms, {"topic": f"tickers.{symbol}", "type": "delta", "data": data,
                                   "cs": 24987956059 + second, "ts": ms}))
            # Liquidations: complete, grouped into 500 ms batches. S is the liquidated POSITION (Buy = long),
            # p the bankruptcy price (beyond the market by the position's remaining margin), v the size.
            batches = {}
            for minute in range(MINUTES):
                for _ in range(poisson(RNG, intensity(minute) * (1.8 if category == "linear" else 0.9))):
                    when = START_MS + minute * 60_000 + RNG.randrange(60_000)
                    long_liquidated = RNG.random() < (0.88 if in_crash(minute) else 0.5)
                    market = price(symbol, when)
                    bankruptcy = market * (1 - 0.005 if long_liquidated else 1 + 0.005)
                    if category == "inverse":
                        size = str(max(1, round(math.exp(RNG.gauss(7.5, 1.3)) * (3 if in_crash(minute) else 1))))
                    else:
                        typical = 0.05 if asset == "BTC" else 1.2
                        size = fmt(max(10 ** -qp, typical * math.exp(RNG.gauss(0, 1.2)) *
                                       (3 if in_crash(minute) else 1)), qp)
                    batches.setdefault(when // 500, []).append({
                        "T": when, "s": symbol, "S": "Buy" if long_liquidated else "Sell", "v": size,
                        "p": fmt(bankruptcy, pp)})
            for slot, events in batches.items():
                ts = slot * 500 + 500 + RNG.randrange(0, 40)
                events.sort(key=lambda event: event["T"])
                lines.append((ts, {"topic": f"allLiquidation.{symbol}", "type": "snapshot", "ts": ts,
                                   "data": events}))
        for minute in range(20, MINUTES, 20):
            lines.append((START_MS + minute * 60_000 + 500, {
                "success": True, "ret_msg": "pong", "conn_id": conn_id, "req_id": "", "op": "ping"}))
        lines.sort(key=lambda item: item[0])
        write_lines(f"{BASE}/captures/stream-{category}-2025-10-10T20.ndjson", [message for _, message in lines])
