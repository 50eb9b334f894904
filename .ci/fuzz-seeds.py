#!/usr/bin/env python3
"""Writes the seed corpora of every liqfuzz target under DIR/<target>/ from the project's own fixtures: venue payloads
and captures, the pipeline specs, small CSVs, zips and gzip captures made here, and a few WebSocket frames. Nothing
here is committed; `.ci/fuzz.sh` regenerates it before each campaign."""
import glob, gzip, io, json, os, shutil, struct, subprocess, sys, zipfile

VENUES = ["binance-usdm", "binance-coinm", "bybit", "okx", "bitmex", "deribit", "hyperliquid"]
MAX_SEED = 64 << 10  # matches -max_len in fuzz.sh: longer seeds would be cut mid-document


def put(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_SEED:
        return
    os.makedirs(os.path.join(OUT, target), exist_ok=True)
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def chunks(lines, size):
    for i in range(0, len(lines), size):
        yield b"".join(lines[i:i + size])


def compact(document):
    return json.dumps(document, separators=(",", ":")).encode()


def rest_and_json():
    for venue in VENUES:
        for i, path in enumerate(sorted(glob.glob(f"Fixtures/{venue}/**/*.json", recursive=True))):
            body = read(path)
            if len(body) > MAX_SEED:
                # Keep the document valid: fewer rows of the same shape.
                document = json.loads(body)
                shrink(document)
                body = compact(document)
            put(f"rest-{venue}", f"{i:03}.json", body)
            put("json", f"{venue}-{i:03}.json", body)


def shrink(node):
    """Cuts every long array to its first few elements, in place."""
    if isinstance(node, list):
        del node[8:]
        for item in node:
            shrink(item)
    elif isinstance(node, dict):
        for value in node.values():
            shrink(value)


def streams():
    captured = {venue: [] for venue in VENUES}
    for path in sorted(glob.glob("Fixtures/*/captures/*.ndjson")):
        venue = path.split("/")[1]
        captured[venue].append(read(path).splitlines(keepends=True))
    # Venues whose fixtures hold no capture: their REST rows in the stream's envelope, plus control messages.
    okx = json.loads(read("Fixtures/okx/api/v5/public/liquidation-orders/instType=SWAP&state=filled&uly=BTC-USD.json")
                     if os.path.exists("Fixtures/okx/api/v5/public/liquidation-orders/instType=SWAP&state=filled&uly=BTC-USD.json")
                     else read(sorted(glob.glob("Fixtures/okx/api/v5/public/liquidation-orders/*.json"))[0]))
    okx_lines = [b'{"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a1"}\n',
                 b"pong\n"]
    for row in okx.get("data", [])[:6]:
        okx_lines.append(compact({"arg": {"channel": "liquidation-orders", "instType": "SWAP"}, "data": [row]}) + b"\n")
    okx_lines.append(b'{"arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"data":[{"instId":"BTC-USDT-SWAP",'
                     b'"instType":"SWAP","markPx":"121000.1","ts":"1760126400000"}]}\n')
    captured["okx"].append(okx_lines)
    trades = json.loads(read(sorted(glob.glob("Fixtures/deribit/api/v2/public/get_last_trades_by_currency/*.json"))[0]))
    deribit_lines = [b'{"jsonrpc":"2.0","id":42,"result":["trades.future.BTC.100ms"]}\n',
                     b'{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}\n']
    for trade in trades["result"]["trades"][:6]:
        deribit_lines.append(compact({"jsonrpc": "2.0", "method": "subscription",
                                      "params": {"channel": "trades.future.BTC.100ms", "data": [trade]}}) + b"\n")
    # One 100 ms batch of several trades, flagged and ordinary, as the fast path reads most lines.
    deribit_lines.append(compact({"jsonrpc": "2.0", "method": "subscription",
                                  "params": {"channel": "trades.future.BTC.100ms",
                                             "data": trades["result"]["trades"][:12]}}) + b"\n")
    for path in sorted(glob.glob("Fixtures/deribit/api/v2/public/ticker/*.json"))[:2]:
        ticker = json.loads(read(path))["result"]
        deribit_lines.append(compact({"jsonrpc": "2.0", "method": "subscription", "params": {
            "channel": f"ticker.{ticker.get('instrument_name', 'BTC-PERPETUAL')}.100ms", "data": ticker}}) + b"\n")
    captured["deribit"].append(deribit_lines)
    candles = json.loads(read(sorted(glob.glob("Fixtures/hyperliquid/info/type=candleSnapshot*.json"))[0]))
    hyperliquid_lines = [b'{"channel":"pong"}\n']
    for candle in candles[:6]:
        hyperliquid_lines.append(compact({"channel": "candle", "data": candle}) + b"\n")
    hyperliquid_lines.append(b'{"channel":"trades","data":[{"coin":"BTC","side":"A","px":"1.9008","sz":"10.5",'
                             b'"time":1730160015113,"hash":"0x0","tid":1}]}\n')
    captured["hyperliquid"].append(hyperliquid_lines)
    for venue, files in captured.items():
        n = 0
        for lines in files:
            for chunk in chunks(lines, 12):
                put(f"stream-{venue}", f"{n:03}.ndjson", chunk)
                n += 1
    return captured


def captures(captured):
    n = 0
    for venue in ("binance-usdm", "bybit", "bitmex"):
        lines = captured[venue][0]
        plain = b"".join(lines[:10])
        put("capture", f"{n:02}-plain.ndjson", plain)
        put("capture", f"{n:02}.ndjson.gz", gzip.compress(plain, mtime=0))
        # Two members, the way the collector appends segments, and a torn tail.
        two = gzip.compress(b"".join(lines[:5]), mtime=0) + gzip.compress(b"".join(lines[5:10]), mtime=0)
        put("capture", f"{n:02}-members.ndjson.gz", two)
        put("capture", f"{n:02}-torn.ndjson.gz", two[:-7])
        n += 1


ARCHIVE = {
    "metrics": ("create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,"
                "sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n"
                "2025-10-10 20:00:00,BTCUSDT,90123.5,10912345678.5,1.5,1.4,1.8,0.95\n"
                "2025-10-10 20:05:00,BTCUSDT,90100.1,10900000000.0,1.5,1.4,1.8,0.93\n"),
    "fundingRate": "calc_time,funding_interval_hours,last_funding_rate\n1751328000007,8,0.00010000\n1751342400003,4,-0.00002500\n",
    "klines": ("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
               "taker_buy_quote_volume,ignore\n"
               "1709164800000,61130.0,61150.5,61120.1,61140.2,12.345,1709164859999,754612.9,310,7.001,428000.1,0\n"
               "1709164860000,61140.2,61160.0,61100.0,61110.0,3.5,1709164919999,213000.1,120,1.2,73000.5,0\n"),
    "markPriceKlines": ("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                        "taker_buy_quote_volume,ignore\n"
                        "1709164800000,61130.0,61150.5,61120.1,61140.2,0,1709164859999,0,60,0,0,0\n"),
    "liquidationSnapshot": ("time,side,order_type,time_in_force,original_quantity,price,average_price,order_status,"
                            "last_fill_quantity,accumulated_fill_quantity\n"
                            "1584059031421,SELL,LIMIT,IOC,0.014,4793.91,4706.04,FILLED,0.015,0.014\n"
                            "1584059032500,BUY,LIMIT,IOC,0.5,4800.00,4810.50,PARTIALLY_FILLED,0.2,0.3\n"
                            "1584059033000,SELL,LIMIT,IOC,1,4700,0,EXPIRED,0,0\n"),
}
# The harness's first byte: dataset index (BinanceArchiveDataset.allCases order) in the low bits, market in bit 7.
DATASETS = ["metrics", "fundingRate", "klines", "markPriceKlines", "liquidationSnapshot"]


def archives():
    for name, text in ARCHIVE.items():
        index = DATASETS.index(name)
        for market in (0, 1):
            put("binance-archive", f"{name}-{market}.csv", bytes([index | market << 7]) + text.encode())
        for size in (0, 6, 63, 255):
            put("archive-csv", f"{name}-{size}.csv", bytes([size]) + text.encode())
            put("archive-csv", f"{name}-{size}-crlf.csv", bytes([size]) + text.replace("\n", "\r\n").encode())
        put("archive-csv", "quoted.csv", b"\x10" + b'a,"b ""c""",d\n"1,2",3,\n')
    for i, (name, text) in enumerate(ARCHIVE.items()):
        for compression in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", compression) as archive:
                archive.writestr(f"BTCUSDT-{name}-2025-10-10.csv", text)
            put("zip", f"{name}-{compression}.zip", buffer.getvalue())
    # The `zip` tool's own output (data descriptors, extra fields), as the archive's files are made.
    if shutil.which("zip"):
        scratch = os.path.abspath(os.path.join(OUT, ".zip-scratch"))
        os.makedirs(scratch, exist_ok=True)
        with open(os.path.join(scratch, "BTCUSDT-klines-1m-2025-10-10.csv"), "w") as f:
            f.write(ARCHIVE["klines"])
        for level in ("-0", "-9"):
            target = os.path.join(scratch, f"out{level}.zip")
            subprocess.run(["zip", "-q", "-X", level, target, "BTCUSDT-klines-1m-2025-10-10.csv"], cwd=scratch,
                           check=True)
            subprocess.run(["zip", "-q", "-X", "-fd", level, "-", "BTCUSDT-klines-1m-2025-10-10.csv"], cwd=scratch,
                           check=True, stdout=open(os.path.join(scratch, f"pipe{level}.zip"), "wb"))
        for path in glob.glob(os.path.join(scratch, "*.zip")):
            put("zip", "tool-" + os.path.basename(path), read(path))
        shutil.rmtree(scratch)


def frame(opcode, payload, final=True, mask=None):
    head = bytes([(0x80 if final else 0) | opcode])
    length = len(payload)
    bit = 0x80 if mask else 0
    if length < 126:
        head += bytes([bit | length])
    elif length < 1 << 16:
        head += bytes([bit | 126]) + struct.pack(">H", length)
    else:
        head += bytes([bit | 127]) + struct.pack(">Q", length)
    if mask:
        head += mask
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return head + payload


def websocket():
    text = b'{"e":"forceOrder","E":1760126400000}'
    seeds = {
        "text": frame(1, text),
        "binary": frame(2, bytes(range(40))),
        "medium": frame(1, b"x" * 300),
        "long": frame(1, b"y" * 70000)[:20] ,
        "fragmented": frame(1, text[:10], final=False) + frame(9, b"p") + frame(0, text[10:]),
        "control": frame(9, b"ping") + frame(10, b"pong") + frame(8, struct.pack(">H", 1000) + b"bye"),
        "masked": frame(1, text, mask=b"\x01\x02\x03\x04"),
        "many": b"".join(frame(1, b'{"n":%d}' % i) for i in range(20)),
    }
    for name, data in seeds.items():
        for size in (0, 3, 255):
            put("ws-frames", f"{name}-{size}", bytes([size]) + data)


def specs():
    for path in sorted(glob.glob("Pipelines/*.json")):
        put("spec", os.path.basename(path), read(path))


def store(out_directory):
    if not out_directory:
        return
    for name in ("liquidations", "open_interest", "funding", "mark_prices", "price_bars"):
        path = os.path.join(out_directory, name + ".csv")
        if os.path.exists(path):
            lines = read(path).splitlines(keepends=True)
            put("store-csv", name + ".csv", b"".join(lines[:30]))
            put("store-csv", name + "-header.csv", lines[0])


if __name__ == "__main__":
    OUT = sys.argv[1]
    shutil.rmtree(OUT, ignore_errors=True)
    rest_and_json()
    captured = streams()
    captures(captured)
    archives()
    websocket()
    specs()
    store(sys.argv[2] if len(sys.argv) > 2 else None)
    for target in sorted(os.listdir(OUT)):
        print(f"  {target}: {len(os.listdir(os.path.join(OUT, target)))} seeds")
