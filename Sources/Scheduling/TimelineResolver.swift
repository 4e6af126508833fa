import Foundation

/// Resolves a rundown into a timeline: exact offsets for every item, hard starts honoured, gaps filled.
/// Pure: what it knows about media comes from the caller.
public enum TimelineResolver {
    /// Lays out `rundown` from its first item's start (its hard start, else local midnight of `date`).
    ///
    /// - Items without a hard start follow the previous one back to back. A hard start cuts an
    ///   overrunning item (its entry's `trimmed` says by how much); soft items that would start at or
    ///   after the next hard start are dropped. An underrun leaves a gap before the hard start, filled
    ///   with the filler looped or with slate; gaps under 1 ms are absorbed by the entry before them.
    /// - A file plays from the keyframe at or before its in-point to `out` (or in-point + `duration`,
    ///   or its end), clamped to its length.
    /// - Slate replaces an item that cannot air — missing or unreadable media, an in-point past the
    ///   end, a public URL not yet ingested, a live item when `liveAllowed` is false — for the length
    ///   the rundown gives (`duration`, or `out - in`). When it gives none, the slate lasts until the
    ///   next item's hard start if that item has one; otherwise the item is skipped (zero length),
    ///   since guessing a length would shift every later soft item. Each case adds a warning.
    /// - A hard start that does not exist on its day (a DST jump; `parse` rejects these) is treated as
    ///   no hard start, with a warning.
    /// - Item entries carry the item's description, category and tags in `details`.
    ///
    /// - Parameters:
    ///   - media: facts for a file (production and ingested public items, the filler) by its path;
    ///     nil when there is no such file.
    ///   - liveAllowed: false for an offline render, where live feeds cannot be recorded.
    public static func resolve(_ rundown: Rundown, media: (String) -> MediaAvailability?, liveAllowed: Bool) -> Timeline {
        var layout = TimelineLayout()
        layout.append(rundown, media: media)
        let clock = BroadcastClock(timeZone: rundown.timeZone, date: rundown.date)
        let start = layout.firstInstant ?? clock.startOfDay
        let laidOut = layout.resolve(from: start, until: nil, media: media, liveAllowed: liveAllowed)
        return Timeline(channel: rundown.channel, timeZone: rundown.timeZone, start: clock.date(of: start), entries: laidOut.entries, warnings: laidOut.warnings)
    }
}
