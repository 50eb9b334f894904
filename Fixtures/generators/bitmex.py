"""Demo fixtures for bitmex, in the venue's exact payload shapes.

REST: /api/v1/instrument/active (contract terms plus open interest, funding and mark), /api/v1/funding and
/api/v1/trade/bucketed. Liquidations exist only on the realtime `liquidation` table, so they come as a capture of a
connection subscribed to `liquidation` and `instrument:<symbol>` (one raw message per line).
"""
import math

from common import END_MS, MINUTES, START_MS, bar, fmt, intensity, poisson, price_at, venue_rng, write_json, write_lines

RNG = venue_rng("bitmex")
BASE = "bitmex"
EIGHT_HOURS = "2000-01-01T08:00:00.000Z"


def iso(ms):
    """BitMEX timestamps: ISO 8601 UTC with milliseconds."""
    seconds, millis = divmod(ms, 1000)
    days, rest = divmod(seconds, 86_400)
    # Civil date from days since the epoch (Howard Hinnant's algorithm), to stay free of the local time zone.
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}.{millis:03d}Z"


def rounded(value, tick):
    return round(round(value / tick) * tick, 8)


# Contract terms per symbol: (asset, typ, inverse, quanto, multiplier, underlyingToSettle, quoteToSettle,
# underlyingToPosition, settle currency, quote, tick, lot).
TERMS = {
    "XBTUSD": ("BTC", "FFWCSX", True, False, -100_000_000, -100_000_000, None, None, "XBt", "USD", 0.5, 100),
    "ETHUSDT": ("ETH", "FFWCSX", False, False, 10, None, 1_000_000, 100_000, "USDt", "USDT", 0.05, 1000),
    "ETHUSD": ("ETH", "FFWCSX", False, True, 100, None, 3108, None, "XBt", "USD", 0.05, 1),
    "XBTZ25": ("BTC", "FFCCSX", True, False, -100_000_000, -100_000_000, None, None, "XBt", "USD", 0.5, 100),
}


def instrument_row(symbol, ms, mark, open_interest, funding_rate, indicative_rate, funding_time):
    asset, typ, inverse, quanto, multiplier, u2s, q2s, u2p, settle, quote, tick, lot = TERMS[symbol]
    underlying = "XBT" if asset == "BTC" else asset
    perpetual = typ == "FFWCSX"
    if inverse:
        open_value = round(open_interest * abs(multiplier) / mark)
    elif quanto:
        open_value = round(open_interest * multiplier * mark)
    else:
        open_value = round(open_interest * multiplier * mark)
    index = mark * (1 - 0.0002)
    return {
        "symbol": symbol, "rootSymbol": underlying, "state": "Open", "typ": typ,
        "listing": "2016-05-13T12:00:00.000Z" if symbol == "XBTUSD" else "2022-06-10T04:00:00.000Z",
        "front": "2016-05-13T12:00:00.000Z" if symbol == "XBTUSD" else "2022-06-10T04:00:00.000Z",
        "expiry": None if perpetual else "2025-12-26T12:00:00.000Z",
        "settle": None if perpetual else "2025-12-26T12:00:00.000Z",
        "positionCurrency": "USD" if inverse else ("" if quanto else underlying),
        "underlying": underlying, "quoteCurrency": quote, "underlyingSymbol": f"{underlying}=",
        "reference": "BMEX", "referenceSymbol": f".B{underlying}", "maxOrderQty": 10_000_000,
        "maxPrice": 1_000_000, "lotSize": lot, "tickSize": tick, "multiplier": multiplier,
        "settlCurrency": settle, "underlyingToPositionMultiplier": u2p, "underlyingToSettleMultiplier": u2s,
        "quoteToSettleMultiplier": q2s, "isQuanto": quanto, "isInverse": inverse, "initMargin": 0.01,
        "maintMargin": 0.005, "riskLimit": 20_000_000_000, "riskStep": 15_000_000_000, "taxed": True,
        "deleverage": True, "makerFee": -0.0001, "takerFee": 0.00075,
        "fundingBaseSymbol": f".{underlying}BON8H" if perpetual else "",
        "fundingQuoteSymbol": f".{quote}BON8H" if perpetual else "",
        "fundingPremiumSymbol": f".{symbol}PI8H" if perpetual else "",
        "fundingTimestamp": funding_time if perpetual else None,
        "fundingInterval": EIGHT_HOURS if perpetual else None,
        "fundingRate": funding_rate if perpetual else None,
        "indicativeFundingRate": indicative_rate if perpetual else None,
        "prevClosePrice": rounded(mark * 1.04, tick), "volume24h": 1_843_200_900 if inverse else 2_051_300_000,
        "lastPrice": rounded(mark, tick), "lastTickDirection": "MinusTick", "bidPrice": rounded(mark - tick, tick),
        "askPrice": rounded(mark + tick, tick), "hasLiquidity": True, "openInterest": open_interest,
        "openValue": open_value, "fairMethod": "FundingRate" if perpetual else "ImpactMidPrice",
        "fairPrice": round(mark, 2), "markMethod": "FairPrice", "markPrice": round(mark, 2),
        "indicativeSettlePrice": round(index, 2), "timestamp": iso(ms),
    }


def spot_row(ms):
    """A spot pair of the same list: not a derivative, skipped by the instrument decoder."""
    mark = price_at("BTC", ms)
    return {"symbol": "XBT_USDT", "rootSymbol": "XBT", "state": "Open", "typ": "IFXXXP", "underlying": "XBT",
            "quoteCurrency": "USDT", "lotSize": 1000, "tickSize": 0.5, "multiplier": 1, "settlCurrency": "USDt",
            "underlyingToPositionMultiplier": 1_000_000, "isQuanto": False, "isInverse": False,
            "lastPrice": rounded(mark, 0.5), "timestamp": iso(ms)}


# Open interest in contracts at the start of the window: XBTUSD in USD, ETHUSDT in 0.00001 ETH.
OPEN_INTEREST = {"XBTUSD": 312_540_200, "ETHUSDT": 1_184_000_000, "ETHUSD": 1_503_112, "XBTZ25": 21_430_500}
# Funding: (rate paid at 20:00, rate fixed for 04:00 after the 20:00 settlement, indicative after the crash).
FUNDING = {"XBTUSD": (0.0001, 0.000012, -0.000731), "ETHUSDT": (0.0001, 0.000025, -0.000944),
           "ETHUSD": (0.0001, 0.00007, -0.0008)}


def open_interest_at(symbol, minute):
    """Contracts open after `minute`: a slow build, a ~30% flush during the crash, then a slow rebuild."""
    contracts = OPEN_INTEREST[symbol]
    for m in range(minute + 1):
        contracts *= 0.986 if 50 <= m < 75 else (1.0006 if m < 50 else 1.0002)
    lot = TERMS[symbol][11]
    return int(contracts // lot * lot)


def generate():
    end_ms = END_MS
    last_minute = MINUTES - 1
    rows = [instrument_row(symbol, end_ms - 600, price_at(TERMS[symbol][0], end_ms - 600),
                           open_interest_at(symbol, last_minute),
                           FUNDING.get(symbol, (0, 0, 0))[1], FUNDING.get(symbol, (0, 0, 0))[2],
                           "2025-10-11T04:00:00.000Z")
            for symbol in ["XBTUSD", "ETHUSD", "ETHUSDT", "XBTZ25"]]
    rows.append(spot_row(end_ms - 600))
    write_json(f"{BASE}/api/v1/instrument/active/index.json", rows)

    # Settled funding, newest first: the 20:00 payment of this evening and the week before it (a short page).
    for symbol in ["XBTUSD", "ETHUSDT"]:
        history = []
        for index in range(21):
            ms = 1_760_126_400_000 - index * 8 * 3_600_000
            rate = FUNDING[symbol][0] if index == 0 else round(0.0001 - 0.00002 * math.sin(index / 3), 6)
            history.append({"timestamp": iso(ms), "symbol": symbol, "fundingInterval": EIGHT_HOURS,
                            "fundingRate": rate, "fundingRateDaily": round(rate * 3, 6)})
        write_json(f"{BASE}/api/v1/funding/symbol={symbol}&reverse=true&count=500&start=0.json", history)

    # 1-minute trade buckets, newest first, stamped with their CLOSE time (BitMEX's convention).
    for symbol in ["XBTUSD", "ETHUSDT"]:
        asset = TERMS[symbol][0]
        buckets = []
        for minute in range(MINUTES - 1, -1, -1):
            open_, high, low, close = bar(asset, minute)
            crash = 50 <= minute < 80
            base_volume = (42.0 if asset == "BTC" else 610.0) * math.exp(RNG.gauss(0, 0.35)) * (4 if crash else 1)
            volume = round(base_volume * close) if symbol == "XBTUSD" else int(base_volume * 100_000 // 1000 * 1000)
            home = volume / close if symbol == "XBTUSD" else volume / 100_000
            tick = TERMS[symbol][10]
            buckets.append({
                "timestamp": iso(START_MS + (minute + 1) * 60_000), "symbol": symbol,
                "open": rounded(open_, tick), "high": rounded(high, tick), "low": rounded(low, tick),
                "close": rounded(close, tick), "trades": max(1, int(home * (9 if asset == "BTC" else 0.6))),
                "volume": volume, "vwap": rounded((high + low + close) / 3, tick / 10),
                "lastSize": 100 if symbol == "XBTUSD" else 1000,
                "turnover": round(home * 100_000_000) if symbol == "XBTUSD" else round(home * close * 1_000_000),
                "homeNotional": round(home, 8), "foreignNotional": round(home * close, 4)})
        write_json(f"{BASE}/api/v1/trade/bucketed/binSize=1m&symbol={symbol}&reverse=true&count=500&start=0.json",
                   buckets)

    write_capture()


def write_capture():
    """The realtime connection: welcome, acknowledgements, snapshots, then instrument deltas and liquidation
    orders (insert, a partial fill, delete) in time order."""
    symbols = ["XBTUSD", "ETHUSDT"]
    events = []  # (ms, order, message)
    connect_ms = START_MS - 1_488
    events.append((connect_ms, 0, {"info": "Welcome to the BitMEX Realtime API.", "version": "2.0.0",
                                   "timestamp": iso(connect_ms), "docs": "https://www.bitmex.com/app/wsAPI",
                                   "heartbeatEnabled": False, "limit": {"remaining": 39}}))
    args = ["liquidation"] + [f"instrument:{symbol}" for symbol in symbols]
    for offset, arg in enumerate(args):
        events.append((connect_ms + 40 + offset, 0, {"success": True, "subscribe": arg,
                                                     "request": {"op": "subscribe", "args": args}}))
    events.append((connect_ms + 45, 0, {
        "table": "liquidation", "action": "partial", "keys": ["orderID"],
        "types": {"orderID": "guid", "symbol": "symbol", "side": "symbol", "price": "float", "leavesQty": "long"},
        "filter": {}, "data": []}))
    for symbol in symbols:
        asset = TERMS[symbol][0]
        snapshot_ms = START_MS - 1_200
        events.append((connect_ms + 50, 0, {
            "table": "instrument", "action": "partial", "keys": ["symbol"], "types": {}, "filter": {"symbol": symbol},
            "data": [instrument_row(symbol, snapshot_ms, price_at(asset, START_MS), OPEN_INTEREST[symbol],
                                    FUNDING[symbol][0], FUNDING[symbol][1], "2025-10-10T20:00:00.000Z")]}))
        # The 20:00 settlement fixes the next rate.
        events.append((START_MS, 1, {"table": "instrument", "action": "update", "data": [{
            "symbol": symbol, "fundingRate": FUNDING[symbol][1], "indicativeFundingRate": FUNDING[symbol][1],
            "fundingTimestamp": "2025-10-11T04:00:00.000Z", "timestamp": iso(START_MS)}]}))
        # Mark, value and open interest every 30 seconds.
        previous_oi = OPEN_INTEREST[symbol]
        for step in range(1, MINUTES * 2):
            ms = START_MS + step * 30_000
            minute = step // 2
            mark = price_at(asset, ms)
            delta = {"symbol": symbol, "fairPrice": round(mark, 2), "markPrice": round(mark, 2),
                     "indicativeSettlePrice": round(mark * 0.9998, 2)}
            contracts = open_interest_at(symbol, minute)
            if contracts != previous_oi:
                delta["openInterest"] = contracts
                previous_oi = contracts
            multiplier = TERMS[symbol][4]
            delta["openValue"] = (round(contracts * abs(multiplier) / mark) if TERMS[symbol][2]
                                  else round(contracts * multiplier * mark))
            if minute == 60 and step % 2 == 0:
                delta["indicativeFundingRate"] = FUNDING[symbol][2]
            delta["timestamp"] = iso(ms)
            events.append((ms, 1, {"table": "instrument", "action": "update", "data": [delta]}))

    # Liquidation orders: each preceded by the trade that moved lastPrice (an instrument delta with its time),
    # resting for a few seconds, partly filled, then deleted.
    sizes = {"XBTUSD": (8.6, 1.2), "ETHUSDT": (0.6, 1.1)}
    counter = 0
    for symbol in symbols + ["SOLUSDT"]:
        asset = "SOL" if symbol == "SOLUSDT" else TERMS[symbol][0]
        for minute in range(MINUTES):
            for _ in range(poisson(RNG, intensity(minute) * (0.12 if symbol == "SOLUSDT" else 0.35))):
                ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
                crash = 50 <= minute < 80
                long_liquidated = RNG.random() < (0.9 if crash else 0.5)
                market = price_at(asset, ms)
                bankruptcy = market * (1 - 0.006) if long_liquidated else market * (1 + 0.006)
                counter += 1
                order_id = "%08x-%04x-%04x-%04x-%012x" % (RNG.getrandbits(32), RNG.getrandbits(16),
                                                          0x4000 | RNG.getrandbits(12), 0x8000 | RNG.getrandbits(14),
                                                          RNG.getrandbits(48))
                if symbol == "XBTUSD":
                    quantity = max(100, int(math.exp(RNG.gauss(*sizes[symbol])) * (3 if crash else 1)) // 100 * 100)
                    price = rounded(bankruptcy, 0.5)
                elif symbol == "ETHUSDT":
                    eth = math.exp(RNG.gauss(*sizes[symbol])) * (3 if crash else 1)
                    quantity = max(1000, int(eth * 100_000) // 1000 * 1000)
                    price = rounded(bankruptcy, 0.05)
                else:
                    quantity = max(1000, int(math.exp(RNG.gauss(3, 1)) * 10_000) // 1000 * 1000)
                    price = rounded(bankruptcy, 0.01)
                side = "Sell" if long_liquidated else "Buy"
                if symbol in TERMS:
                    events.append((ms, 2, {"table": "instrument", "action": "update", "data": [{
                        "symbol": symbol, "lastPrice": rounded(market, TERMS[symbol][10]),
                        "lastTickDirection": "MinusTick" if long_liquidated else "PlusTick", "timestamp": iso(ms)}]}))
                events.append((ms, 3, {"table": "liquidation", "action": "insert", "data": [{
                    "orderID": order_id, "symbol": symbol, "side": side, "price": price, "leavesQty": quantity}]}))
                rest_ms = ms + RNG.randrange(200, 9_000)
                lot = 100 if symbol == "XBTUSD" else 1000
                if quantity > lot:
                    events.append((rest_ms - 100, 3, {"table": "liquidation", "action": "update", "data": [{
                        "orderID": order_id, "symbol": symbol, "leavesQty": quantity // 2 // lot * lot or lot}]}))
                events.append((rest_ms, 3, {"table": "liquidation", "action": "delete", "data": [{
                    "orderID": order_id, "symbol": symbol}]}))
    events.sort(key=lambda event: (event[0], event[1]))
    write_lines(f"{BASE}/captures/realtime-liquidation-instrument-2025-10-10T20.ndjson",
                [message for _, _, message in events])
