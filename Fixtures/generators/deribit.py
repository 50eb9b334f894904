"""Demo fixtures for deribit, in the venue's exact JSON-RPC shapes.

Instruments per currency, newest futures trades per currency (liquidations are trades flagged T, M or MT), tickers,
hourly funding history and 1-minute chart bars. History windows are anchored to the server time (`usOut`) of the
instruments answers, exactly as the adapter computes them.
"""
import math

from common import END_MS, MINUTES, START_MS, bar, intensity, poisson, price_at, venue_rng, write_json

RNG = venue_rng("deribit")
BASE = "deribit"
PREFIX = f"{BASE}/api/v2/public"
# Server time of the instruments answers: 400 ms after the window, so the 21:59 bar is complete.
ANCHOR_MS = END_MS + 400
FUNDING_HISTORY_HOURS = 168
PRICE_BAR_LIMIT = 1000
TRADE_COUNT = 1000
# (asset, contract size in USD, tick) of the perpetuals the demo selects.
PERPETUALS = {"BTC-PERPETUAL": ("BTC", 10.0, 0.5), "ETH-PERPETUAL": ("ETH", 1.0, 0.05)}


def envelope(result, us_out):
    return {"jsonrpc": "2.0", "result": result, "usIn": us_out - 183, "usOut": us_out, "usDiff": 183,
            "testnet": False}


def tick_round(value, tick):
    return round(round(value / tick) * tick, 8)


def instrument(name, asset, size, tick, period, expiration, created, instrument_id):
    return {"price_index": f"{asset.lower()}_usd", "rfq": False, "kind": "future", "instrument_name": name,
            "max_leverage": 50 if asset == "BTC" else 50, "maker_commission": 0.0, "taker_commission": 0.0005,
            "instrument_type": "reversed", "expiration_timestamp": expiration, "creation_timestamp": created,
            "is_active": True, "tick_size": tick, "contract_size": size, "instrument_id": instrument_id,
            "min_trade_amount": size, "future_type": "reversed", "max_liquidation_commission": 0.0075,
            "block_trade_commission": 0.00025, "block_trade_min_trade_amount": 200_000,
            "block_trade_tick_size": 0.01, "settlement_currency": asset, "settlement_period": period,
            "base_currency": asset, "counter_currency": "USD", "quote_currency": "USD", "tick_size_steps": []}


def generate():
    far = 32_503_708_800_000
    listings = {
        "BTC": [instrument("BTC-PERPETUAL", "BTC", 10.0, 0.5, "perpetual", far, 1_534_167_754_000, 124_972),
                instrument("BTC-31OCT25", "BTC", 10.0, 2.5, "month", 1_761_897_600_000, 1_756_454_400_000, 469_821),
                instrument("BTC-26DEC25", "BTC", 10.0, 2.5, "quarter", 1_766_736_000_000, 1_743_148_800_000, 431_170)],
        "ETH": [instrument("ETH-PERPETUAL", "ETH", 1.0, 0.05, "perpetual", far, 1_534_167_754_000, 124_973),
                instrument("ETH-26DEC25", "ETH", 1.0, 0.05, "quarter", 1_766_736_000_000, 1_743_148_800_000, 431_171)],
    }
    for currency, rows in listings.items():
        us_out = ANCHOR_MS * 1000 + (215 if currency == "BTC" else -20_000)
        write_json(f"{PREFIX}/get_instruments/currency={currency}&kind=future.json", envelope(rows, us_out))

    for name, (asset, size, tick) in PERPETUALS.items():
        write_ticker(name, asset, tick)
        write_funding_history(name, asset)
        write_chart(name, asset, size, tick)
    for currency in ["BTC", "ETH"]:
        write_trades(currency)


def write_ticker(name, asset, tick):
    ms = END_MS - 620
    mark = price_at(asset, ms)
    index = mark * 1.00031
    open_interest = 1_031_552_870.0 if asset == "BTC" else 618_204_113.0
    write_json(f"{PREFIX}/ticker/instrument_name={name}.json", envelope({
        "timestamp": ms, "state": "open",
        "stats": {"high": tick_round(price_at(asset, START_MS) * 1.004, tick),
                  "low": tick_round(min(bar(asset, m)[2] for m in range(MINUTES)), tick),
                  "price_change": -9.4513 if asset == "BTC" else -12.7731,
                  "volume": 21_873.41 if asset == "BTC" else 402_117.9,
                  "volume_usd": 2_518_337_810.0 if asset == "BTC" else 1_664_210_220.0},
        "index_price": round(index, 2), "instrument_name": name, "last_price": tick_round(mark, tick),
        "settlement_price": round(price_at(asset, START_MS) * 1.02, 2),
        "min_price": tick_round(mark * 0.97, tick), "max_price": tick_round(mark * 1.03, tick),
        "open_interest": open_interest, "mark_price": round(mark, 2), "interest_value": -0.00861542771239,
        "best_ask_price": tick_round(mark + tick, tick), "best_bid_price": tick_round(mark, tick),
        "estimated_delivery_price": round(index, 2), "best_ask_amount": 48_210.0, "best_bid_amount": 12_990.0,
        "current_funding": -0.00042117 if asset == "BTC" else -0.00061904,
        "funding_8h": -0.00018833 if asset == "BTC" else -0.00025561}, ms * 1000 + 890))


def write_funding_history(name, asset):
    """Hourly rows, oldest first, over the window (anchor − 168 h, anchor]."""
    end = ANCHOR_MS
    start = end - FUNDING_HISTORY_HOURS * 3_600_000 + 1
    first_hour = (start + 3_599_999) // 3_600_000 * 3_600_000
    rows, hourly = [], []
    for ms in range(first_hour, end + 1, 3_600_000):
        hours_before_end = (END_MS - ms) // 3_600_000
        if hours_before_end <= 1:  # the crash hour and the one after: shorts paid
            rate = -0.000052 if asset == "BTC" else -0.000071
        else:
            rate = round(0.0000031 + 0.0000042 * math.sin(hours_before_end / 5.0), 10)
        hourly.append(rate)
        price = price_at(asset, max(START_MS, min(ms, END_MS - 1)))
        rows.append({"timestamp": ms, "index_price": round(price, 2), "prev_index_price": round(price * 1.0004, 2),
                     "interest_8h": round(sum(hourly[-8:]), 10), "interest_1h": rate})
    write_json(f"{PREFIX}/get_funding_rate_history/instrument_name={name}&start_timestamp={start}"
               f"&end_timestamp={end}.json", envelope(rows, ANCHOR_MS * 1000 + 611))


def write_chart(name, asset, size, tick):
    """1-minute bars of the demo window; the requested window reaches further back but holds no other bars."""
    end = ANCHOR_MS // 60_000 * 60_000 - 1
    start = end + 1 - PRICE_BAR_LIMIT * 60_000
    columns = {"ticks": [], "open": [], "high": [], "low": [], "close": [], "volume": [], "cost": []}
    for minute in range(MINUTES):
        open_, high, low, close = bar(asset, minute)
        crash = 50 <= minute < 80
        usd = size * round((310_000 if asset == "BTC" else 190_000) * math.exp(RNG.gauss(0, 0.4))
                           * (4 if crash else 1) / size)
        columns["ticks"].append(START_MS + minute * 60_000)
        columns["open"].append(tick_round(open_, tick))
        columns["high"].append(tick_round(high, tick))
        columns["low"].append(tick_round(low, tick))
        columns["close"].append(tick_round(close, tick))
        columns["volume"].append(round(usd / ((high + low + close) / 3), 8))
        columns["cost"].append(usd)
    write_json(f"{PREFIX}/get_tradingview_chart_data/instrument_name={name}&start_timestamp={start}"
               f"&end_timestamp={end}&resolution=1.json",
               envelope({"status": "ok", **columns}, ANCHOR_MS * 1000 + 702))


def write_trades(currency):
    """The newest futures trades of the currency, newest first: liquidations (T, M, MT) among ordinary trades,
    including some on a dated future the demo does not select."""
    perpetual = f"{currency}-PERPETUAL"
    asset, size, tick = PERPETUALS[perpetual]
    trades = []
    for minute in range(MINUTES):
        crash = 50 <= minute < 80
        for _ in range(poisson(RNG, intensity(minute) * 0.3)):
            ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
            long_liquidated = RNG.random() < (0.9 if crash else 0.5)
            flag = RNG.choices(["T", "M", "MT"], weights=[0.55, 0.4, 0.05])[0]
            if flag == "T":
                direction = "sell" if long_liquidated else "buy"
            elif flag == "M":
                direction = "buy" if long_liquidated else "sell"
            else:
                direction = RNG.choice(["buy", "sell"])
            instrument_name = perpetual if RNG.random() < 0.9 else f"{currency}-26DEC25"
            contracts = max(1, int(math.exp(RNG.gauss(4.5 if asset == "BTC" else 6.0, 1.1)) * (3 if crash else 1)))
            trades.append((ms, instrument_name, direction, contracts, flag))
        for _ in range(2):  # ordinary trades: no `liquidation` field
            ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
            contracts = max(1, int(math.exp(RNG.gauss(3.0, 1.4))))
            trades.append((ms, perpetual, RNG.choice(["buy", "sell"]), contracts, None))
    trades.sort(key=lambda trade: trade[0])
    rows = []
    for sequence, (ms, instrument_name, direction, contracts, flag) in enumerate(trades):
        market = price_at(asset, ms)
        price = tick_round(market * (0.9995 if direction == "sell" else 1.0005), tick if "PERPETUAL" in
                           instrument_name else 2.5 if asset == "BTC" else 0.05)
        trade_id = str(403_700_000 + sequence) if currency == "BTC" else f"ETH-{291_400_000 + sequence}"
        row = {"timestamp": ms, "price": price, "amount": contracts * size, "direction": direction,
               "index_price": round(market * 1.0003, 2), "instrument_name": instrument_name,
               "trade_seq": 271_300_000 + sequence, "mark_price": round(market, 2),
               "tick_direction": 2 if direction == "sell" else 0, "contracts": float(contracts),
               "trade_id": trade_id}
        if flag:
            row["liquidation"] = flag
        rows.append(row)
    rows.reverse()
    write_json(f"{PREFIX}/get_last_trades_by_currency/currency={currency}&kind=future&count={TRADE_COUNT}"
               f"&sorting=desc.json",
               envelope({"trades": rows[:TRADE_COUNT], "has_more": len(rows) > TRADE_COUNT}, ANCHOR_MS * 1000 + 455))
