import Foundation

/// A rundown resolved into exact air times: what plays from when to when, with nothing left open.
public struct Timeline: Sendable, Hashable {
    /// The channel the rundown belongs to.
    public var channel: String
    /// The channel's IANA time zone, for local times.
    public var timeZone: TimeZone
    /// The instant the first entry goes on air.
    public var start: Date
    /// Entries in air order; each starts where the previous one ends.
    public var entries: [TimelineEntry]
    /// What the producer should know: missing media, trims, gaps, live items that cannot render.
    public var warnings: [TimelineWarning]
    /// The items breakouts cut, skipped or resumed, by breakout in air order.
    public var interruptions: [Interruption]

    public init(channel: String, timeZone: TimeZone, start: Date, entries: [TimelineEntry], warnings: [TimelineWarning], interruptions: [Interruption] = []) {
        self.channel = channel
        self.timeZone = timeZone
        self.start = start
        self.entries = entries
        self.warnings = warnings
        self.interruptions = interruptions
    }

    /// Total length, from the first entry's start to the last one's end.
    public var duration: Ticks { entries.last.map { $0.offset + $0.duration } ?? .zero }

    /// The instant `offset` after the start.
    public func date(at offset: Ticks) -> Date { start.addingTimeInterval(offset.seconds) }
}

/// One stretch of air time and what fills it.
public struct TimelineEntry: Sendable, Hashable {
    /// What plays during the entry.
    public enum Playback: Sendable, Hashable {
        /// A media file (path under the media root as the rundown names it), from `inPoint` for the
        /// entry's duration. The in-point is snapped to a keyframe, except where a breakout made the
        /// entry resume mid-file (the playout joins it as it joins any entry late).
        case media(uri: String, inPoint: Ticks)
        /// A live source (a URL, or the name of one of the channel's live sources) relayed for the entry's duration.
        case live(uri: String)
        /// The slate card (gap without filler, missing or unreadable media, live item in a render).
        case slate

        /// The same playback `elapsed` later: a file's in-point moves on by `elapsed`; live and slate stay.
        func advanced(by elapsed: Ticks) -> Playback {
            guard case .media(let uri, let inPoint) = self else { return self }
            return .media(uri: uri, inPoint: inPoint + elapsed)
        }
    }

    /// Why the entry is there.
    public enum Role: Sendable, Hashable {
        /// A rundown item (by id), airing as planned or replaced by slate.
        case item(id: String)
        /// Filler or slate in a gap between items.
        case gap
        /// An operator's breakout (by its store id).
        case breakout(id: Int64)
    }

    /// Start, relative to `Timeline.start`.
    public var offset: Ticks
    /// Length on air.
    public var duration: Ticks
    public var role: Role
    public var playback: Playback
    /// Title shown in the EPG and logs (the item's or breakout's title, or "Filler" / "Slate").
    public var title: String
    /// How much of the item's planned length a hard start cut off (zero when none).
    public var trimmed: Ticks
    /// What the EPG tells about the item or breakout; nil for gaps.
    public var details: Details?

    /// What the rundown says about an item beyond its title, for programme guides.
    public struct Details: Sendable, Hashable {
        public var description: String?
        public var category: String?
        public var tags: [String]

        public init(description: String? = nil, category: String? = nil, tags: [String] = []) {
            self.description = description
            self.category = category
            self.tags = tags
        }
    }

    public init(offset: Ticks, duration: Ticks, role: Role, playback: Playback, title: String, trimmed: Ticks = .zero, details: Details? = nil) {
        self.offset = offset
        self.duration = duration
        self.role = role
        self.playback = playback
        self.title = title
        self.trimmed = trimmed
        self.details = details
    }

    /// End, relative to `Timeline.start`.
    public var end: Ticks { offset + duration }

    /// The item id, when the entry belongs to a rundown item.
    public var itemID: String? {
        if case .item(let id) = role { return id }
        return nil
    }

    /// The breakout id, when the entry is a breakout.
    public var breakoutID: Int64? {
        if case .breakout(let id) = role { return id }
        return nil
    }
}

/// Something about the resolved timeline the producer should see, pointing at the item concerned.
public struct TimelineWarning: Sendable, Hashable, CustomStringConvertible {
    /// The item concerned, if any.
    public var itemID: String?
    /// What happened and what airs instead.
    public var message: String

    public init(itemID: String?, message: String) {
        self.itemID = itemID
        self.message = message
    }

    public var description: String { itemID.map { "item \($0): \(message)" } ?? message }
}
