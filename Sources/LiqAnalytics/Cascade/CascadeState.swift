/// Where an asset and side stand in the cascade state machine: `idle → onset → active → exhausted → cooldown → idle`.
public enum CascadeState: String, Sendable, Equatable, Hashable, CaseIterable {
    /// No event; an onset may fire.
    case idle
    /// Onset rules hold (consecutive onset minutes merge here).
    case onset
    /// The event runs; exhaustion is tested every minute.
    case active
    /// The minute exhaustion was declared; the event ends here.
    case exhausted
    /// After exhaustion, no new event for the cooldown.
    case cooldown
}
