import Foundation

/// How the schedule continues when a breakout gives the air back.
public enum ReturnMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The schedule continues where the wall clock says: what was planned during the breakout is skipped.
    case rejoin
    /// The rest of the schedule slides by the breakout's length, until a hard start absorbs it.
    case shift
}

/// An operator's breakout: a live feed put on air over the schedule from `start` to `end`.
public struct Breakout: Sendable, Hashable, Codable {
    /// The store's id of the breakout (the timeline entry's `Role.breakout(id:)`).
    public var id: Int64
    /// The title guides show; empty for "Live: <source>".
    public var title: String
    /// The live source on air: a channel source's name (`studio`) or a URL.
    public var source: String
    public var start: Date
    /// When the air goes back to the schedule; for a breakout still on air, its planned end or "now".
    public var end: Date
    public var mode: ReturnMode

    public init(id: Int64, title: String, source: String, start: Date, end: Date, mode: ReturnMode) {
        self.id = id
        self.title = title
        self.source = source
        self.start = start
        self.end = end
        self.mode = mode
    }

    /// The title of the breakout's timeline entry and programme: its title, or "Live: <source>"
    /// without one (a URL's secrets redacted: guides are public).
    public var programmeTitle: String {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "Live: \(SecretRedaction.redacted(source))" : trimmed
    }

    /// The category a breakout has in guides.
    public static let category = "Live"
}
