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

extension ChannelPlayout {
    /// The output clock's value at the start of every source run: each run starts behind a discontinuity.
    static let runOrigin: Int64 = 10 * 90_000

    /// How `entry` airs from `position`: its media from the matching point (joining mid-item, from
    /// the first keyframe at or after the wall clock), or slate when the media cannot play.
    func joinPlan(_ entry: TimelineEntry, entryStart: Date, at position: Date, catalog: MediaCatalog) -> JoinPlan {
        guard case .media(let uri, let inPoint) = entry.playback, let info = catalog.info(uri) else { return .slate }
        let plan = { (point: Ticks, start: Date) in
            JoinPlan.media(path: catalog.path(of: uri), origin: Ticks(seconds: info.startTime).value, inPoint: point.value,
                           seekable: info.timestampJumps == 0, start: start)
        }
        let offset = Ticks(seconds: position.timeIntervalSince(entryStart))
        guard offset.value > 90_000 / Int64(settings.video.frameRate) else { return plan(inPoint, position) }
        let wanted = (inPoint + offset).seconds
        guard let keyframe = info.keyframes.first(where: { $0 >= wanted - 0.000_5 }) else { return .slate }
        let start = entryStart.addingTimeInterval(keyframe - inPoint.seconds)
        return start < entryStart.addingTimeInterval(entry.duration.seconds) ? plan(Ticks(seconds: keyframe), start) : .slate
    }

    /// Airs `plan` from `start` until `end` (or until the content or the channel stops), publishing
    /// each segment as its air time passes. Returns where it got to.
    func play(_ plan: JoinPlan, from start: Date, until end: Date, title: String, window: inout LiveWindow,
              on slot: (timeline: Timeline, index: Int)? = nil) -> Date {
        let duration = Int64((end.timeIntervalSince(start) * 90_000).rounded())
        guard duration > 0 else { return max(start, end) }
        switch plan {
        case .media(let path, let origin, let inPoint, let seekable, _):
            do {
                let source = try MediaWindowSource(path: path, origin: origin, inPoint: inPoint, duration: duration,
                                                   outputStart: Self.runOrigin, seekable: seekable)
                return air(source, from: start, duration: duration, title: title, isSlate: false, window: &window, slot: slot)
            } catch {
                logger.error("cannot open \(path): \(error)")
                return start
            }
        case .slate:
            do {
                let card = try slate ?? Slate(video: settings.video, audio: settings.audio, title: settings.channelTitle)
                slate = card
                let source = SlateSource(slate: card, start: Self.runOrigin, end: Self.runOrigin + duration)
                return air(source, from: start, duration: duration, title: title, isSlate: true, window: &window, slot: slot)
            } catch {
                logger.critical("cannot encode the slate: \(error); nothing airs until \(end)")
                _ = wait(until: end)
                return end
            }
        }
    }

    private func air<Source: EntrySource>(
        _ source: Source, from start: Date, duration: Int64, title: String, isSlate: Bool, window: inout LiveWindow,
        slot: (timeline: Timeline, index: Int)?
    ) -> Date {
        let clock = { (time: Int64) in start.addingTimeInterval(Double(time - Self.runOrigin) / 90_000) }
        var cutter = SegmentCutter(source: source, start: Self.runOrigin, plannedEnd: Self.runOrigin + duration,
                                   tolerance: 90_000 / Int64(settings.video.frameRate), targetDuration: settings.segmentDuration)
        // How far this source got on air: the end of its last published segment.
        var reached = start
        do {
            while let piece = try cutter.next() {
                let name = String(format: "segment-%06d.ts", window.nextSequence)
                let writer = try SegmentWriter(path: settings.outputDirectory.appendingPathComponent(name).path, streams: cutter.source.streams)
                for packet in piece.packets { try writer.write(packet.packet, stream: packet.stream) }
                try writer.finish()
                guard wait(until: clock(piece.end)) else {
                    // Stopping: this segment will never be listed.
                    try? FileManager.default.removeItem(at: settings.outputDirectory.appendingPathComponent(name))
                    return reached
                }
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
                publish(window, now: slot.map { nowPlaying($0.timeline, $0.index, sequence: sequence) })
                published(PublishedSegment(channel: channel, duration: segment.duration, isSlate: isSlate, lateness: lateness, isLate: isLate))
                reached = clock(piece.end)
            }
        } catch {
            logger.error("\(title): \(error)")
        }
        return reached
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
        while !isStopping {
            let remaining = date.timeIntervalSinceNow
            guard remaining > 0 else { return true }
            usleep(useconds_t(min(remaining, 0.05) * 1_000_000))
        }
        return false
    }
}
