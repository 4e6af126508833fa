/// What one rundown item would air if no hard start cut it: the playback, its length when known,
/// and what the producer should hear about it.
struct ItemPlan {
    var playback: TimelineEntry.Playback
    /// Length on air; nil when nothing says how long the item is (live without duration, missing media without `duration`/`out`).
    var length: Ticks?
    /// Why the item does not air as planned (for slate: the reason only; the resolver says what airs instead).
    var warning: String?

    init(_ item: RundownItem, media: (String) -> MediaAvailability?, liveAllowed: Bool) {
        let uri = item.source.uri
        switch item.source.kind {
        case .live:
            self = liveAllowed
                ? ItemPlan(playback: .live(uri: uri), length: item.plannedLength)
                : .slate(item, "live item cannot be rendered")
        case .public where !item.source.isFile:
            self = .slate(item, "\(uri) is not ingested yet (public URLs must be ingested before they can air)")
        case .production, .public:
            switch media(uri) {
            case nil: self = .slate(item, "media \(uri) not found")
            case .unavailable(let reason): self = .slate(item, "media \(uri) unavailable: \(reason)")
            case .available(let facts): self = .file(item, facts: facts)
            }
        }
    }

    /// What airs, for how long, and why not as planned (nil when it is).
    init(playback: TimelineEntry.Playback, length: Ticks?, warning: String? = nil) {
        self.playback = playback
        self.length = length
        self.warning = warning
    }

    /// Slate for the length the rundown gives, because of `reason`.
    private static func slate(_ item: RundownItem, _ reason: String) -> ItemPlan {
        ItemPlan(playback: .slate, length: item.plannedLength, warning: reason)
    }

    /// A probed file, from the keyframe at or before `in` to `out` (or `in + duration`, or the end), clamped to the file.
    private static func file(_ item: RundownItem, facts: MediaFacts) -> ItemPlan {
        let uri = item.source.uri
        let inPoint = Ticks(seconds: item.inPoint ?? 0)
        guard inPoint < facts.duration else {
            return .slate(item, "in-point \(inPoint) is at or beyond the end of \(uri) (\(facts.duration))")
        }
        let snapped = facts.keyframe(atOrBefore: inPoint)
        let requestedEnd = item.outPoint.map { Ticks(seconds: $0) } ?? item.duration.map { inPoint + Ticks(seconds: $0) } ?? facts.duration
        let end = min(requestedEnd, facts.duration)
        let warning = requestedEnd > end ? "asks for \(requestedEnd - end) more than \(uri) has after the in-point; airs to its end (\(facts.duration))" : nil
        return ItemPlan(playback: .media(uri: uri, inPoint: snapped), length: end - snapped, warning: warning)
    }
}
