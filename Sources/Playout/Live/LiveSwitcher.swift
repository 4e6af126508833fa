/// What the HTTP server asks of the channels on air when an operator takes a live feed or gives
/// the air back.
public protocol LiveSwitcher: Sendable {
    /// Puts `take` on air on `channel` as soon as its feed is ready; false when the channel is not on air.
    func take(channel: String, _ take: LiveTake) -> Bool
    /// Gives `channel`'s air back to the schedule.
    func giveBack(channel: String)
}
