import Foundation

/// Checks a published playlist and its segments against the rules of shared/design/hls-rules.md,
/// with the real ffprobe as the measuring instrument. Each violation is returned as a sentence.
public enum HLSRules {
    /// One video frame at 25 fps, the tolerance the rules allow.
    public static let frame = 0.040

    /// R1, R4 (first playlist), R6, R7, R8 and R9 for a VOD render in `directory`.
    public static func checkVOD(_ playlist: ParsedPlaylist, directory: URL) throws -> [String] {
        var problems = checkPlaylist(playlist)
        if playlist.playlistType != "VOD" { problems.append("R9: no #EXT-X-PLAYLIST-TYPE:VOD") }
        if !playlist.endList { problems.append("R9: no #EXT-X-ENDLIST") }
        problems += try checkSegments(playlist, directory: directory)
        return problems
    }

    /// The rules that the playlist text alone shows: R1, R4's sequence tag, R6. A live channel's
    /// playlist may show a restart (`allowingRestarts`): a forward jump behind a discontinuity.
    public static func checkPlaylist(_ playlist: ParsedPlaylist, allowingRestarts: Bool = false) -> [String] {
        var problems: [String] = []
        guard let target = playlist.targetDuration else { return ["R1: no #EXT-X-TARGETDURATION"] }
        if playlist.discontinuitySequence == nil { problems.append("R4: no #EXT-X-DISCONTINUITY-SEQUENCE") }
        for (index, segment) in playlist.segments.enumerated() {
            if Int(segment.duration.rounded()) > target {
                problems.append("R1: \(segment.uri) lasts \(segment.duration) s, over the target \(target) s")
            }
            guard let date = segment.programDateTime else {
                problems.append("R6: \(segment.uri) has no program date time")
                continue
            }
            // Consecutive program-date-times differ by the EXTINF; the one exception is a restart,
            // where a discontinuity marks the join after time nothing aired (a jump forward).
            if index + 1 < playlist.segments.count, let next = playlist.segments[index + 1].programDateTime,
               abs(next.timeIntervalSince(date) - segment.duration) > frame,
               !(playlist.segments[index + 1].discontinuity && next.timeIntervalSince(date) > segment.duration && allowingRestarts) {
                problems.append("R6: PDT of \(playlist.segments[index + 1].uri) is \(next.timeIntervalSince(date)) s after \(segment.uri), whose EXTINF is \(segment.duration)")
            }
        }
        return problems
    }

    /// R7 (measured durations, keyframe starts) and R8 (monotonic timestamps inside a discontinuity run).
    public static func checkSegments(_ playlist: ParsedPlaylist, directory: URL) throws -> [String] {
        var problems: [String] = []
        var lastVideoDTS: Double?
        for segment in playlist.segments {
            let path = directory.appendingPathComponent(segment.uri).path
            if segment.discontinuity { lastVideoDTS = nil }
            if let measured = try FFprobe.format(of: path).durationSeconds, abs(measured - segment.duration) > frame {
                problems.append("R7: \(segment.uri) measures \(measured) s, EXTINF says \(segment.duration)")
            }
            let video = try FFprobe.packets(of: path)
            if let first = video.first, !first.isKeyframe {
                problems.append("R7: \(segment.uri) does not start with a keyframe")
            }
            for packet in video {
                guard let dts = packet.dts else { continue }
                if let last = lastVideoDTS, dts <= last {
                    problems.append("R8: video DTS \(dts) in \(segment.uri) is not after \(last)")
                }
                lastVideoDTS = dts
            }
        }
        return problems
    }
}
