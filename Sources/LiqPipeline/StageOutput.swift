/// The output of a source or stage, to be consumed by exactly one later stage or sink.
///
/// A typed handle rather than the channel itself, so that the builder can check the wiring (every output consumed
/// once, by the same pipeline) and the channel stays an engine detail.
public struct StageOutput<Element: Sendable>: Sendable {
    /// The channel the producing stage's workers send into.
    let channel: BoundedChannel<Element>
    /// Name of the stage that produces these items.
    public let stageName: String

    /// Identity used by the builder to track which outputs have a consumer.
    var id: ObjectIdentifier {
        ObjectIdentifier(channel)
    }
}
