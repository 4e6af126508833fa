import Foundation

/// Programme guides in XMLTV (the format of `/usr/share/xmltv/xmltv.dtd`), for set-top boxes and IPTV players.
public enum XMLTV {
    /// The title of the programme that stands for a stretch of filler or slate between items.
    public static let continuityTitle = "Programación continua"

    /// The guide for `guides` as one XMLTV document: every channel, then each channel's programmes in air order.
    ///
    /// - One programme per item entry: its title, then its description, category and tags (as keywords), in the
    ///   order the DTD demands, in `language`. Items replaced by slate keep their title.
    /// - Consecutive gap entries (filler loops, slate) become one "Programación continua" programme, so the
    ///   guide has no holes.
    /// - Times are whole seconds (cut down) in the channel's local time with the UTC offset in force at that
    ///   instant (`20261201080000 -0600`), so a programme after a DST change carries the new offset. Programmes
    ///   shorter than a second are left out.
    public static func document(_ guides: [ChannelGuide], language: String = "es") -> String {
        let programmes = guides.reduce(0) { $0 + $1.timeline.entries.count }
        var writer = XMLWriter(capacity: 1024 + 256 * programmes)
        writer.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv")
        writer.attribute("generator-info-name", "SREtv")
        writer.raw(">\n")
        for guide in guides {
            writer.raw("  <channel")
            writer.attribute("id", guide.channel.id)
            writer.raw(">\n    ")
            writer.element("display-name", guide.channel.name, attributes: ["lang": language])
            writer.raw("\n  </channel>\n")
        }
        for guide in guides {
            var programmes = ProgrammeWriter(channel: guide.channel.id, timeline: guide.timeline, language: language)
            programmes.write(to: &writer)
        }
        writer.raw("</tv>\n")
        return writer.text
    }
}

/// Writes one channel's timeline as `<programme>` elements.
private struct ProgrammeWriter {
    let channel: String
    let timeline: Timeline
    let language: String
    /// `timeline.start` in whole seconds since 1970.
    private let start: Int64
    private var offsets: UTCOffsets

    init(channel: String, timeline: Timeline, language: String) {
        self.channel = channel
        self.timeline = timeline
        self.language = language
        self.start = Int64(timeline.start.timeIntervalSince1970.rounded(.down))
        self.offsets = UTCOffsets(timeline.timeZone)
    }

    mutating func write(to writer: inout XMLWriter) {
        let entries = timeline.entries
        var index = entries.startIndex
        while index < entries.endIndex {
            let entry = entries[index]
            var end = entry.end
            if entry.role == .gap {
                while index + 1 < entries.endIndex, entries[index + 1].role == .gap {
                    index += 1
                    end = entries[index].end
                }
            }
            index += 1
            let from = instant(at: entry.offset)
            let to = instant(at: end)
            guard to > from else { continue }
            writer.raw("  <programme start=\"")
            time(from, to: &writer)
            writer.raw("\" stop=\"")
            time(to, to: &writer)
            writer.raw("\"")
            writer.attribute("channel", channel)
            writer.raw(">\n")
            details(of: entry, to: &writer)
            writer.raw("  </programme>\n")
        }
    }

    private func details(of entry: TimelineEntry, to writer: inout XMLWriter) {
        let title = entry.role == .gap ? XMLTV.continuityTitle : entry.title
        line(&writer, "title", title)
        guard let details = entry.details else { return }
        if let description = details.description { line(&writer, "desc", description) }
        if let category = details.category { line(&writer, "category", category) }
        for tag in details.tags { line(&writer, "keyword", tag) }
    }

    private func line(_ writer: inout XMLWriter, _ name: String, _ text: String) {
        writer.raw("    ")
        writer.element(name, text, attributes: ["lang": language])
        writer.raw("\n")
    }

    private func instant(at offset: Ticks) -> Int64 {
        start + offset.value / Ticks.perSecond
    }

    /// Writes `instant` as `YYYYMMDDhhmmss ±hhmm`, local to the channel.
    private mutating func time(_ instant: Int64, to writer: inout XMLWriter) {
        let offset = offsets.offset(at: instant)
        let local = instant + Int64(offset)
        let days = Int(BroadcastClock.floorDivide(local, 86_400))
        let date = BroadcastDate.epoch.adding(days: days)
        let seconds = Int(local - Int64(days) * 86_400)
        writer.digits(date.year, width: 4)
        writer.digits(date.month, width: 2)
        writer.digits(date.day, width: 2)
        writer.digits(seconds / 3600, width: 2)
        writer.digits(seconds / 60 % 60, width: 2)
        writer.digits(seconds % 60, width: 2)
        writer.raw(offset < 0 ? " -" : " +")
        writer.digits(abs(offset) / 3600, width: 2)
        writer.digits(abs(offset) / 60 % 60, width: 2)
    }
}
