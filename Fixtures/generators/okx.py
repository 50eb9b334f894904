"""Demo fixtures for okx, in the venue's exact payload shapes."""
import math

from common import END_MS, MINUTES, START_MS, fmt, poisson, price_at, intensity, venue_rng, write_json, write_lines

RNG = venue_rng("okx")


# ---------------------------------------------------------------- OKX
def generate():
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
    end_ms = END_MS
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
                for _ in range(poisson(RNG, intensity(minute) * (0.5 if kind == "inverse" else 0.8))):
                    ms = START_MS + minute * 60_000 + RNG.randrange(60_000)
                    crash = 50 <= minute < 80
                    long_liquidated = RNG.random() < (0.9 if crash else 0.5)
                    market = price_at(asset, ms)
                    bankruptcy = market * (1 - 0.004) if long_liquidated else market * (1 + 0.004)
                    if kind == "inverse":
                        size = max(1, int(math.exp(RNG.gauss(2.5, 1.2)) * (3 if crash else 1)))
                    else:
                        size = max(1, int(math.exp(RNG.gauss(1.5, 1.1)) * (3 if crash else 1)))
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


