import Foundation
import HLS
import Media
import Scheduling

/// How an entry airs from a given moment on.
enum JoinPlan {
    /// Remux the file at `path` from `inPoint` (90 kHz from its first frame at `origin`), on air from `start`.
    case media(path: String, origin: Int64, inPoint: Int64, seekable: Bool, start: Date)
    /// The slate card.
    case slate

    /// When a media plan goes on air (a rejoin waits for a keyframe).
    var start: Date? {
        if case .media(_, _, _, _, let start) = self { return start }
        return nil
    }
}

/// Asked while a segment waits for its air time: whether to switch sources now.
typealias Interrupt = () -> Bool

/// Where an aired source got to.
struct Aired {
    /// The end of its last published segment.
    var reached: Date
    /// Whether it ended early because `interrupt` asked for a switch.
    var interrupted = false
}

extension ChannelPlayout {
    /// The output clock's value at the start of every source run: each run starts behind a discontinuity.
    static let runOrigin: Int64 = 10 * 90_000

    /// How `entry` airs from `position`: its media from the matching point, or slate when the
    /// media cannot play. Joining mid-item after a restart starts at the first keyframe at or after
    /// the wall clock (nothing aired meanwhile: the gap shows behind the discontinuity); a
    /// `seamless` join (back from a live take) airs from the keyframe at or before it, so air time
    /// stays continuous and the item still ends on time.
    func joinPlan(_ entry: TimelineEntry, entryStart: Date, at position: Date, catalog: MediaCatalog, seamless: Bool = false) -> JoinPlan {
        guard case .media(let uri, let inPoint) = entry.playback, let info = catalog.info(uri) else { return .slate }
        let plan = { (point: Ticks, start: Date) in
            JoinPlan.media(path: catalog.path(of: uri), origin: Ticks(seconds: info.startTime).value, inPoint: point.value,
                           seekable: info.timestampJumps == 0, start: start)
        }
        let offset = Ticks(seconds: position.timeIntervalSince(entryStart))
        let wanted = (inPoint + offset).seconds
        // On time, or seamless: from the keyframe at or before the point (in-points after a shift are not snapped).
        if seamless || offset.value <= 90_000 / Int64(settings.video.frameRate) {
            let keyframe = info.keyframes.last { $0 <= wanted + 0.000_5 } ?? inPoint.seconds
            return plan(Ticks(seconds: keyframe), position)
        }
        guard let keyframe = info.keyframes.first(where: { $0 >= wanted - 0.000_5 }) else { return .slate }
        let start = entryStart.addingTimeInterval(keyframe - inPoint.seconds)
        return start < entryStart.addingTimeInterval(entry.duration.seconds) ? plan(Ticks(seconds: keyframe), start) : .slate
    }

    /// Airs `plan` from `start` until `end` (or until the content or the channel stops, or
    /// `interrupt` asks for a switch), publishing each segment as its air time passes.
    /// Returns where it got to.
    func play(_ plan: JoinPlan, from start: Date, until end: Date, title: String, window: inout LiveWindow,
              on slot: (timeline: Timeline, index: Int)? = nil, interrupt: Interrupt? = nil) -> Aired {
        let duration = Int64((end.timeIntervalSince(start) * 90_000).rounded())
        guard duration > 0 else { return Aired(reached: max(start, end)) }
        switch plan {
        case .media(let path, let origin, let inPoint, let seekable, _):
            do {
                let source = try MediaWindowSource(path: path, origin: origin, inPoint: inPoint, duration: duration,
                                                   outputStart: Self.runOrigin, seekable: seekable)
                return air(source, from: start, duration: duration, title: title, isSlate: false, window: &window,
                           nowPlaying: nowPlaying(slot), interrupt: interrupt)
            } catch {
                logger.error("cannot open \(path): \(error)")
                return Aired(reached: start)
            }
        case .slate:
            return airSlate(from: start, duration: duration, title: title, window: &window, nowPlaying: nowPlaying(slot), interrupt: interrupt)
        }
    }

    /// Airs the slate card from `start` for `duration` ticks (see `air`).
    func airSlate(from start: Date, duration: Int64, title: String, window: inout LiveWindow, nowPlaying: @escaping (Int) -> NowPlaying?,
                  interrupt: Interrupt? = nil, firstSegmentLimit: Int64? = nil) -> Aired {
        do {
            let card = try slate ?? Slate(video: settings.video, audio: settings.audio, title: settings.channelTitle)
            slate = card
            let source = SlateSource(slate: card, start: Self.runOrigin, end: Self.runOrigin + duration)
            return air(source, from: start, duration: duration, title: title, isSlate: true, window: &window,
                       nowPlaying: nowPlaying, interrupt: interrupt, firstSegmentLimit: firstSegmentLimit)
        } catch {
            let end = start.addingTimeInterval(Double(duration) / 90_000)
            logger.critical("cannot encode the slate: \(error); nothing airs until \(end)")
            _ = wait(until: end)
            return Aired(reached: end)
        }
    }

    /// Airs `source` from `start` for at most `duration` ticks. The next segment is remuxed ahead
    /// and published once its air time has passed; while it waits, `interrupt` may ask for a
    /// switch, and the held segment is then cut short at its first keyframe still ahead of the
    /// clock (or aired whole when it has none), after which the source ends.
    func air<Source: EntrySource>(
        _ source: Source, from start: Date, duration: Int64, title: String, isSlate: Bool, window: inout LiveWindow,
        nowPlaying: @escaping (Int) -> NowPlaying? = { _ in nil }, interrupt: Interrupt? = nil, firstSegmentLimit: Int64? = nil,
        isLive: Bool = false
    ) -> Aired {
        let clock = { (time: Int64) in start.addingTimeInterval(Double(time - Self.runOrigin) / 90_000) }
        var cutter = SegmentCutter(source: source, start: Self.runOrigin, plannedEnd: Self.runOrigin + duration,
                                   tolerance: 90_000 / Int64(settings.video.frameRate), targetDuration: settings.segmentDuration,
                                   firstSegmentLimit: firstSegmentLimit, cutsEagerly: isLive)
        // How far this source got on air: the end of its last published segment.
        var reached = start
        do {
            while var piece = try cutter.next() {
                let name = SegmentName.of(sequence: window.nextSequence)
                let path = settings.outputDirectory.appendingPathComponent(name).path
                try piece.write(to: path, streams: cutter.source.streams)
                var interrupted = false
                switch wait(until: clock(piece.end), interrupt: interrupt) {
                case .stopping:
                    // This segment will never be listed.
                    try? FileManager.default.removeItem(atPath: path)
                    return Aired(reached: reached)
                case .reached:
                    break
                case .interrupted:
                    interrupted = true
                    let ahead = Self.runOrigin + Int64((Date().timeIntervalSince(start) + Self.switchMargin) * 90_000)
                    if let cut = piece.cutPoint(atOrAfter: ahead) {
                        piece = piece.ending(at: cut)
                        try piece.write(to: path, streams: cutter.source.streams)
                    }
                    guard wait(until: clock(piece.end)) else {
                        try? FileManager.default.removeItem(atPath: path)
                        return Aired(reached: reached)
                    }
                }
                publish(piece, named: name, title: title, isSlate: isSlate, clock: clock, window: &window, nowPlaying: nowPlaying)
                reached = clock(piece.end)
                if interrupted { return Aired(reached: reached, interrupted: true) }
            }
        } catch {
            logger.error("\(title): \(error)")
        }
        return Aired(reached: reached)
    }

    /// How far ahead of the clock a switch cuts the held segment: time to rewrite it.
    static let switchMargin = 0.1

    /// Lists `piece`, written as `name`, in the live window and serves the new playlist.
    private func publish(_ piece: SegmentRun.Piece, named name: String, title: String, isSlate: Bool, clock: (Int64) -> Date,
                         window: inout LiveWindow, nowPlaying: (Int) -> NowPlaying?) {
        let lateness = Date().timeIntervalSince(clock(piece.end))
        let isLate = lateness > Double(settings.segmentDuration) / 2
        if isLate {
            logger.warning("segment published \(String(format: "%.3f", lateness)) s late", metadata: ["segment": "\(name)"])
        }
        let segment = MediaSegment(uri: name, duration: Double(piece.end - piece.start) / 90_000, programDateTime: clock(piece.start),
                                   discontinuity: piece.opensRun && window.nextSequence > 0, title: title)
        let sequence = window.publish(segment, at: Date())
        for expired in window.expired(at: Date()) {
            try? FileManager.default.removeItem(at: settings.outputDirectory.appendingPathComponent(expired))
        }
        publish(window, now: nowPlaying(sequence))
        published(PublishedSegment(channel: channel, sequence: sequence, title: title, programDateTime: segment.programDateTime, duration: segment.duration, isSlate: isSlate, lateness: lateness, isLate: isLate))
    }

    /// What airs in a timeline slot, as `GET …/now` shows it once a segment of it is published.
    func nowPlaying(_ slot: (timeline: Timeline, index: Int)?) -> (Int) -> NowPlaying? {
        { [self] sequence in slot.map { nowPlaying($0.timeline, $0.index, sequence: sequence) } }
    }

    private func nowPlaying(_ timeline: Timeline, _ index: Int, sequence: Int) -> NowPlaying {
        let slot = { (entry: TimelineEntry) in
            NowPlaying.Slot(title: entry.title, itemID: entry.itemID, start: timeline.date(at: entry.offset), end: timeline.date(at: entry.end))
        }
        let onAir = slot(timeline.entries[index])
        let next = timeline.entries.indices.contains(index + 1) ? slot(timeline.entries[index + 1]) : nil
        return NowPlaying(channel: channel, onAir: onAir, next: next, position: Date().timeIntervalSince(onAir.start), mediaSequence: sequence)
    }

    /// Sleeps until `date`; false when the channel is stopping.
    func wait(until date: Date) -> Bool {
        wait(until: date, interrupt: nil) != .stopping
    }

    /// How a wait ended.
    enum Waited {
        case reached, interrupted, stopping
    }

    /// Sleeps until `date`, or until the channel stops or `interrupt` asks for a switch.
    func wait(until date: Date, interrupt: Interrupt?) -> Waited {
        while !isStopping {
            if interrupt?() == true { return .interrupted }
            let remaining = date.timeIntervalSinceNow
            guard remaining > 0 else { return .reached }
            usleep(useconds_t(min(remaining, 0.02) * 1_000_000))
        }
        return .stopping
    }
}
