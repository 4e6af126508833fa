import Foundation

/// Watches a live playlist across fetches, as a player polling it would, and records every
/// breach of the live rules of shared/design/hls-rules.md (R1–R6 across versions).
public struct LivePlaylistObserver {
    private struct Known: Equatable {
        var uri: String
        var duration: Double
        var programDateTime: Date?
    }

    /// Every rule breach seen so far, as sentences.
    public private(set) var problems: [String] = []
    /// Every segment seen, by media sequence number.
    private var known: [Int: Known] = [:]
    /// Discontinuities seen before each sequence number (whether the segment carried the tag).
    private var discontinuityAt: [Int: Bool] = [:]
    private var last: ParsedPlaylist?
    private var targetDuration: Int?
    public private(set) var fetches = 0

    public init() {}

    /// The highest media sequence number seen.
    public var newestSequence: Int? { known.keys.max() }

    /// Segments seen, in sequence order.
    public var segments: [(sequence: Int, uri: String, duration: Double, programDateTime: Date?, discontinuity: Bool)] {
        known.keys.sorted().map { ($0, known[$0]!.uri, known[$0]!.duration, known[$0]!.programDateTime, discontinuityAt[$0] ?? false) }
    }

    /// Records a breach the caller measured itself (timing against the wall clock).
    public mutating func note(_ problem: String) { problems.append(problem) }

    /// Records one fetch of the playlist text.
    public mutating func observe(_ text: String) {
        fetches += 1
        let playlist: ParsedPlaylist
        do { playlist = try ParsedPlaylist(text) } catch {
            problems.append("fetch \(fetches): unparsable playlist: \(error)")
            return
        }
        problems += HLSRules.checkPlaylist(playlist, allowingRestarts: true).map { "fetch \(fetches): \($0)" }
        if playlist.endList || playlist.playlistType != nil { problems.append("R5: a live playlist has ENDLIST or PLAYLIST-TYPE") }
        if let target = targetDuration, playlist.targetDuration != target { problems.append("R1: target duration changed from \(target)") }
        targetDuration = targetDuration ?? playlist.targetDuration
        for (offset, segment) in playlist.segments.enumerated() {
            let sequence = playlist.mediaSequence + offset
            let seen = Known(uri: segment.uri, duration: segment.duration, programDateTime: segment.programDateTime)
            if let earlier = known[sequence], earlier != seen {
                problems.append("R2: sequence \(sequence) named \(earlier.uri) (\(earlier.duration) s), now \(segment.uri) (\(segment.duration) s)")
            }
            known[sequence] = seen
            discontinuityAt[sequence] = segment.discontinuity
        }
        if let previous = last {
            if playlist.mediaSequence < previous.mediaSequence { problems.append("R2: media sequence fell from \(previous.mediaSequence) to \(playlist.mediaSequence)") }
            // R4: the discontinuity sequence rises by the discontinuities that left the head.
            let left = (previous.mediaSequence..<max(previous.mediaSequence, playlist.mediaSequence)).filter { discontinuityAt[$0] == true }.count
            if let before = previous.discontinuitySequence, let now = playlist.discontinuitySequence, now != before + left {
                problems.append("R4: discontinuity sequence went from \(before) to \(now) while \(left) discontinuities left the head")
            }
            // R3: what was listed after the new head is still listed, in the same order.
            let stillListed = previous.segments.enumerated().filter { previous.mediaSequence + $0.offset >= playlist.mediaSequence }.map(\.element.uri)
            if Array(playlist.segments.map(\.uri).prefix(stillListed.count)) != stillListed {
                problems.append("R3: segments were removed from the middle or the tail")
            }
        }
        last = playlist
    }
}
