import Foundation
import Playout
import Scheduling

extension Timeline {
    /// A hand-made timeline from `start` that plays the probed clips of `catalog` back to back, over
    /// and over, each for its whole probed length, until it covers at least `seconds`.
    static func looping(_ uris: [String], catalog: MediaCatalog, from start: Date, covering seconds: Double) -> Timeline {
        let clips = uris.compactMap { uri in catalog.info(uri).map { (uri: uri, duration: Ticks(seconds: $0.duration)) } }
        precondition(!clips.isEmpty, "none of the demo clips could be probed")
        var entries: [TimelineEntry] = []
        var offset = Ticks.zero
        while offset.seconds < seconds {
            let clip = clips[entries.count % clips.count]
            entries.append(TimelineEntry(offset: offset, duration: clip.duration, role: .item(id: "item-\(entries.count)"),
                                         playback: .media(uri: clip.uri, inPoint: .zero), title: clip.uri))
            offset = offset + clip.duration
        }
        return Timeline(channel: "bench", timeZone: TimeZone(identifier: "UTC")!, start: start, entries: entries, warnings: [])
    }
}
