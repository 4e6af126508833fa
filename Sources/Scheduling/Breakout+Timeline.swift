extension Breakout {
    /// What the breakout airs for `length`: its live feed, or slate in an offline render (`liveAllowed` false).
    func plan(length: Ticks, liveAllowed: Bool) -> ItemPlan {
        liveAllowed
            ? ItemPlan(playback: .live(uri: source), length: length)
            : ItemPlan(playback: .slate, length: length, warning: "breakout \(id) (\(programmeTitle)) cannot be rendered: its live feed was not recorded")
    }

    /// The breakout's entry at `offset`: its programme title, category `Breakout.category`.
    func entry(at offset: Ticks, playback: TimelineEntry.Playback, duration: Ticks) -> TimelineEntry {
        TimelineEntry(
            offset: offset, duration: duration, role: .breakout(id: id), playback: playback,
            title: programmeTitle, details: TimelineEntry.Details(category: Self.category)
        )
    }
}
