import Foundation
@testable import Scheduling

/// Builds rundown documents and media libraries for tests, so each test states only what it is about.
enum RundownFixtures {
    /// A rundown document as JSON, with valid defaults for whatever a test does not set.
    static func document(_ overrides: [String: Any] = [:], items: [[String: Any]] = [item("opening")]) -> Data {
        var root: [String: Any] = ["channel": "sretv-demo", "date": "2026-12-01", "items": items]
        root.merge(overrides) { _, new in new }
        return json(root)
    }

    /// An item whose source is the production file `productions/<id>.mp4`, with `fields` overriding.
    static func item(_ id: String, _ fields: [String: Any] = [:]) -> [String: Any] {
        var item: [String: Any] = ["id": id, "title": "Title of \(id)", "source": ["kind": "production", "uri": "productions/\(id).mp4"]]
        item.merge(fields) { _, new in new }
        return item
    }

    static func json(_ object: Any) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// The issues `Rundown.parse` reports for `data` (empty when it parses).
    static func issues(_ data: Data) -> [ValidationIssue] {
        do {
            _ = try Rundown.parse(data)
            return []
        } catch {
            return error.issues
        }
    }

    /// The issues as `path: message` lines, for compact expectations.
    static func paths(_ data: Data) -> [String] {
        issues(data).map(\.path)
    }
}

/// Whole seconds as ticks.
func seconds(_ value: Int64) -> Ticks { Ticks(value * Ticks.perSecond) }

/// A media library a test controls: path → availability, nil for anything else.
struct MediaLibrary {
    var files: [String: MediaAvailability] = [:]

    /// Adds a probed file of `length` seconds with keyframes every `keyframeInterval` seconds (none: audio-only).
    mutating func add(_ path: String, length: Int64, keyframeInterval: Int64? = nil) {
        let keyframes = keyframeInterval.map { interval in stride(from: 0, to: length, by: Int(interval)).map { seconds($0) } } ?? []
        files[path] = .available(MediaFacts(duration: seconds(length), keyframes: keyframes))
    }

    func resolve(_ rundown: Rundown, liveAllowed: Bool = true) -> Timeline {
        TimelineResolver.resolve(rundown, media: { files[$0] }, liveAllowed: liveAllowed)
    }
}

extension RundownItem {
    /// A production item playing `productions/<id>.mp4`.
    static func production(_ id: String, start: String? = nil, duration: Double? = nil) -> RundownItem {
        RundownItem(id: id, title: "Title of \(id)", source: RundownSource(kind: .production, uri: "productions/\(id).mp4"), start: start.flatMap(LocalTime.init), duration: duration)
    }
}

extension Timeline {
    /// Offsets and item ids (`breakout-<id>` for breakouts, "gap" for gaps) of the entries, for compact expectations.
    var layout: [String] {
        entries.map { entry in
            let name = entry.itemID ?? entry.breakoutID.map { "breakout-\($0)" } ?? "gap"
            return "\(entry.offset.value / Ticks.perSecond)s \(name) \(entry.duration.value / Ticks.perSecond)s"
        }
    }

    /// Whether every entry starts where the previous one ends, the first at zero.
    var isContiguous: Bool {
        zip([Ticks.zero] + entries.map(\.end), entries).allSatisfy { $0 == $1.offset }
    }
}

extension MediaLibrary {
    func resolve(_ schedule: ChannelSchedule, from: String, through: String, liveAllowed: Bool = true) -> Timeline {
        ScheduleResolver.resolve(schedule, from: BroadcastDate(from)!, through: BroadcastDate(through)!, media: { files[$0] }, liveAllowed: liveAllowed)
    }
}
