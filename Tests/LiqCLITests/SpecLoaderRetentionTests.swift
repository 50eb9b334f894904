import LiqCLI
import LiqCore
import Testing

/// The spec's `retention` block: defaults, nulls, and every refused value named by its key.
@Suite struct SpecLoaderRetentionTests {
    static func parse(_ retention: String) throws -> PipelineSpec {
        let text =
            #"{"name":"x","venues":[{"venue":"okx","symbols":["A"]}]"#
            + (retention.isEmpty ? "" : #","retention":\#(retention)"#) + "}"
        return try SpecLoader.parse(Array(text.utf8), path: "Pipelines/t.json")
    }

    @Test func defaultsCompactAfterTwoDaysAndKeepEverything() throws {
        #expect(try Self.parse("").retention == RetentionSpec())
        #expect(try Self.parse("{}").retention.compactCapturesAfterDays == 2)
        let nulls = try Self.parse(#"{"removeCapturesAfterDays":null,"removeStoreAfterDays":null}"#).retention
        #expect(nulls.removeCapturesAfterDays == nil)
        #expect(nulls.removeStoreAfterDays == nil)
    }

    @Test func readsEveryKey() throws {
        let retention = try Self.parse(
            #"{"compactCapturesAfterDays":1,"removeCapturesAfterDays":1,"removeStoreAfterDays":2}"#
        ).retention
        #expect(
            retention
                == RetentionSpec(compactCapturesAfterDays: 1, removeCapturesAfterDays: 1, removeStoreAfterDays: 2))
    }

    @Test(arguments: [
        (
            #"{"keepDays":3}"#,
            "Pipelines/t.json: retention.keepDays: expected one of the keys compactCapturesAfterDays, removeCapturesAfterDays, removeStoreAfterDays, found unknown key \"keepDays\""
        ),
        (
            #"{"compactCapturesAfterDays":0}"#,
            "Pipelines/t.json: retention.compactCapturesAfterDays: expected days from 1 to 3660, found number 0"
        ),
        (
            #"{"compactCapturesAfterDays":1.5}"#,
            "Pipelines/t.json: retention.compactCapturesAfterDays: expected an integer, found number 1.5"
        ),
        (
            #"{"removeCapturesAfterDays":1}"#,
            "Pipelines/t.json: retention.removeCapturesAfterDays: expected days from 2 (compactCapturesAfterDays) to 3660, found number 1"
        ),
        (
            #"{"compactCapturesAfterDays":5,"removeCapturesAfterDays":4}"#,
            "Pipelines/t.json: retention.removeCapturesAfterDays: expected days from 5 (compactCapturesAfterDays) to 3660, found number 4"
        ),
        (
            #"{"removeStoreAfterDays":1}"#,
            "Pipelines/t.json: retention.removeStoreAfterDays: expected days from 2 to 3660, found number 1"
        ),
        (
            #"{"removeStoreAfterDays":3661}"#,
            "Pipelines/t.json: retention.removeStoreAfterDays: expected days from 2 to 3660, found number 3661"
        ),
        ("7", "Pipelines/t.json: retention: expected an object, found number 7"),
    ])
    func refusedValuesNameTheKey(_ retention: String, _ message: String) {
        #expect(throws: JSONError.self) { try Self.parse(retention) }
        do {
            _ = try Self.parse(retention)
        } catch {
            #expect("\(error)" == message)
        }
    }
}
