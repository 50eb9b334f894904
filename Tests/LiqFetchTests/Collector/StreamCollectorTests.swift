import Foundation
import LiqCore
import LiqFetch
import LiqTestSupport
import Testing

/// The collector against loopback servers speaking the venues' protocols: subscriptions on every (re)connect,
/// heartbeats and replies, reconnects after drops, closes and silence, and every message stored with provenance.
@Suite struct StreamCollectorTests {
    static let bybitReference = StreamReference.reference([StreamReference.instrument(.bybit, "BTCUSDT")])
    static let bybitLiquidation =
        #"{"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1760127000100,"data":[{"T":1760127000000,"#
        + #""s":"BTCUSDT","S":"Sell","v":"0.5","p":"110000.0"}]}"#

    func bybitConnection(_ server: LoopbackWebSocketServer, heartbeatSeconds: Double = 5, stale: Double = 5) throws
        -> CollectorConnection
    {
        let planner = try StreamReference.planner(.bybit)
        let endpoints = try planner.endpoints(
            reference: Self.bybitReference, feeds: [.liquidations], baseURL: server.url(path: "/v5/public"))
        let linear = try #require(endpoints.first)
        return CollectorConnection(
            venue: .bybit,
            endpoint: CollectorHarness.shortened(linear, heartbeatSeconds: heartbeatSeconds, staleAfterSeconds: stale),
            planner: planner)
    }

    @Test func dropAndCloseReconnectAndResubscribe() throws {
        // Connection 0 is dropped without a close frame, connection 1 is closed by the server (1001 going away),
        // connection 2 stays: three connections, each one subscribed again, one liquidation on each.
        let server = try LoopbackWebSocketServer { peer in
            let subscribe = try peer.receiveText()
            guard subscribe == #"{"op":"subscribe","args":["allLiquidation.BTCUSDT"]}"# else {
                throw LoopbackWebSocketError("unexpected subscription \(subscribe)")
            }
            try peer.sendText(#"{"success":true,"ret_msg":"","conn_id":"c\#(peer.connectionIndex)","op":"subscribe"}"#)
            try peer.sendText(
                Self.bybitLiquidation.replacingOccurrences(of: "0.5", with: "\(peer.connectionIndex + 1)"))
            switch peer.connectionIndex {
            case 0: peer.drop()
            case 1: try peer.sendClose(code: 1001, reason: "going away")
            default: try peer.waitForClientToHangUp()
            }
        }
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = try CollectorHarness(connections: [try bybitConnection(server)]).run(directory: directory.path) {
            ($0.connections.first?.messages ?? 0) >= 6
        }
        #expect(!outcome.timedOut)
        #expect(server.scriptErrors == [])
        #expect(server.acceptedConnectionCount == 3)
        let status = try #require(outcome.snapshot.connections.first)
        #expect(status.connects == 3 && status.reconnects == 2 && status.staleReconnects == 0)
        #expect(status.gaps == 2)
        #expect(status.state == .stopped)
        #expect(outcome.snapshot.finished)
        #expect(outcome.snapshot.recordsWritten == 6)
        // Every message stored once, in order, with venue and connection label.
        let texts = outcome.records.map { String(decoding: $0.message, as: UTF8.self) }
        #expect(texts.count == 6)
        #expect(texts.filter { $0.contains(#""op":"subscribe""#) }.count == 3)
        #expect(
            texts.filter { $0.hasPrefix(#"{"topic":"allLiquidation.BTCUSDT""#) }.map { $0.contains(#""v":"\#(1)""#) }
                == [true, false, false])
        #expect(outcome.records.allSatisfy { $0.venue == "bybit" && $0.connection == "bybit/linear/allLiquidation#1" })
        #expect(outcome.warnings == [])
        #expect(outcome.logs.contains { $0.contains("closed") || $0.contains("1001") }, "\(outcome.logs)")
    }

    @Test func silentStreamIsReconnected() throws {
        // After its acknowledgement the server says nothing (and ignores pings): after 0.3 s of silence the
        // collector gives up on the connection and reconnects.
        let server = try LoopbackWebSocketServer { peer in
            _ = try peer.receiveText()
            try peer.sendText(#"{"success":true,"ret_msg":"","op":"subscribe"}"#)
            try peer.waitForClientToHangUp(timeoutSeconds: 5)
        }
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try bybitConnection(server, heartbeatSeconds: 60, stale: 0.3)
        let outcome = try CollectorHarness(connections: [connection]).run(directory: directory.path) {
            ($0.connections.first?.staleReconnects ?? 0) >= 1 && ($0.connections.first?.connects ?? 0) >= 2
        }
        #expect(!outcome.timedOut)
        #expect(server.scriptErrors == [])
        let status = try #require(outcome.snapshot.connections.first)
        #expect(status.staleReconnects >= 1 && status.reconnects == 0)
        #expect(status.lastError?.hasPrefix("no message for") == true)
        #expect(outcome.logs.contains { $0.contains("no message for") }, "\(outcome.logs)")
    }

    @Test func clientHeartbeatIsSent() throws {
        // Bybit wants {"op":"ping"} every 20 s (here every 0.05 s) and answers with a pong, which is stored too.
        let server = try LoopbackWebSocketServer { peer in
            _ = try peer.receiveText()
            let ping = try peer.receiveText(timeoutSeconds: 2)
            guard ping == #"{"op":"ping"}"# else { throw LoopbackWebSocketError("expected a ping, got \(ping)") }
            try peer.sendText(#"{"success":true,"ret_msg":"pong","conn_id":"c0","op":"ping"}"#)
            try peer.waitForClientToHangUp()
        }
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let connection = try bybitConnection(server, heartbeatSeconds: 0.05)
        let outcome = try CollectorHarness(connections: [connection]).run(directory: directory.path) {
            ($0.connections.first?.messages ?? 0) >= 1
        }
        #expect(!outcome.timedOut)
        #expect(server.scriptErrors == [])
        #expect(outcome.records.map { String(decoding: $0.message, as: UTF8.self) }.first?.contains("pong") == true)
    }

    @Test func deribitTestRequestIsAnswered() throws {
        // Deribit: set_heartbeat then subscribe; its test_request must be answered with public/test or the venue
        // closes the connection.
        let reference = StreamReference.reference([
            StreamReference.instrument(.deribit, "BTC-PERPETUAL", quote: "USD", settle: "BTC", margining: .inverse)
        ])
        let planner = try StreamReference.planner(.deribit)
        let server = try LoopbackWebSocketServer { peer in
            let first = try peer.receiveText()
            let second = try peer.receiveText()
            guard first.contains("public/set_heartbeat"), second.contains("public/subscribe") else {
                throw LoopbackWebSocketError("unexpected set-up \(first) \(second)")
            }
            try peer.sendText(#"{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}"#)
            let answer = try peer.receiveText(timeoutSeconds: 2)
            guard answer.contains(#""public/test""#) else { throw LoopbackWebSocketError("no public/test: \(answer)") }
            try peer.sendText(#"{"jsonrpc":"2.0","id":9,"result":{"version":"1.2.26"}}"#)
            try peer.waitForClientToHangUp()
        }
        defer { server.stop() }
        let endpoint = try #require(
            try planner.endpoints(reference: reference, feeds: [.liquidations], baseURL: server.url(path: "/ws/api/v2"))
                .first)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = try CollectorHarness(
            connections: [CollectorConnection(venue: .deribit, endpoint: endpoint, planner: planner)]
        ).run(directory: directory.path) { ($0.connections.first?.messages ?? 0) >= 2 }
        #expect(!outcome.timedOut)
        #expect(server.scriptErrors == [])
        #expect(outcome.records.count == 2)
        #expect(outcome.records.allSatisfy { $0.venue == "deribit" })
    }

    @Test func unreachableVenueBacksOffAndKeepsTrying() throws {
        // Nothing listens: every attempt fails, is counted and logged, and stop still ends the collector promptly.
        let port = try RefusingLoopbackPort()
        let endpoint = StreamEndpoint(
            label: "okx/liquidation-orders", url: "ws://127.0.0.1:\(port.port)/ws/v5/public",
            subscribeMessages: [], heartbeat: .serverPings, staleAfterSeconds: 5)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outcome = try CollectorHarness(
            connections: [
                CollectorConnection(venue: .okx, endpoint: endpoint, planner: try StreamReference.planner(.okx))
            ]
        ).run(directory: directory.path) { ($0.connections.first?.reconnects ?? 0) >= 3 }
        #expect(!outcome.timedOut)
        let status = try #require(outcome.snapshot.connections.first)
        #expect(status.connects == 0 && status.messages == 0)
        #expect(status.lastError?.contains("127.0.0.1") == true, "\(status.lastError ?? "")")
        #expect(outcome.records.isEmpty)
    }
}
