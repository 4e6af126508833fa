extension TimelineLayout.Piece {
    /// The rundown item the piece airs (all of it or a part); nil for a breakout.
    var item: RundownItem? {
        switch self {
        case .item(let item), .part(let item, _, _): item
        case .breakout: nil
        }
    }

    /// The item id warnings name; nil for a breakout (its warnings name it in the message).
    var itemID: String? { item?.id }

    /// What a gap before the piece ends at, for the underrun warning.
    var boundary: String {
        switch self {
        case .item, .part: "its hard start"
        case .breakout(let breakout, _): "breakout \(breakout.id)"
        }
    }

    /// What the piece would air if no hard start cut it.
    func plan(media: (String) -> MediaAvailability?, liveAllowed: Bool) -> ItemPlan {
        switch self {
        case .item(let item): ItemPlan(item, media: media, liveAllowed: liveAllowed)
        case .part(_, let playback, let length): ItemPlan(playback: playback, length: length)
        case .breakout(let breakout, let length): breakout.plan(length: length, liveAllowed: liveAllowed)
        }
    }

    /// The piece's entry (at offset zero) airing `playback` for `duration`, `trimmed` short of its planned length.
    func entry(playback: TimelineEntry.Playback, duration: Ticks, trimmed: Ticks) -> TimelineEntry {
        switch self {
        case .item(let item), .part(let item, _, _):
            let details = TimelineEntry.Details(description: item.description, category: item.category, tags: item.tags)
            return TimelineEntry(offset: .zero, duration: duration, role: .item(id: item.id), playback: playback, title: item.title, trimmed: trimmed, details: details)
        case .breakout(let breakout, _):
            return breakout.entry(at: .zero, playback: playback, duration: duration)
        }
    }
}
