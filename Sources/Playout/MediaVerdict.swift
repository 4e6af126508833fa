import Media

/// Whether a media file can air on a channel, and what would make it air badly: the verdict the
/// media library shows before a file is scheduled.
public struct MediaVerdict: Sendable, Codable, Equatable {
    /// Whether the file can air: no problems (warnings allowed).
    public var airable: Bool
    /// Reasons the file cannot air at all (a codec HLS cannot carry by remuxing).
    public var problems: [String]
    /// Reasons it would air badly: overlong segments, a format change, wrong loudness.
    public var warnings: [String]
    /// Longest distance between keyframes in seconds (the end counts as one); nil without video.
    public var longestGOP: Double?
    /// The measured loudness; nil when the file has no audio or it was not measured.
    public var loudness: Loudness?

    /// How far past the segment duration a GOP may run before segments overshoot the target (the
    /// playlist's target duration is the segment duration rounded).
    static let segmentSlack = 0.5

    /// Judges probe facts `info` and measured `loudness` against `profile`. Codecs HLS cannot carry
    /// without re-encoding (`info.incompatibilities`) are problems; GOPs longer than the segment
    /// duration, a picture format other than the channel's, loudness off target and true peaks over
    /// the maximum are warnings. Every message gives the measured value and what to do.
    public static func judge(_ info: MediaInfo, loudness: Loudness?, profile: ChannelProfile) -> MediaVerdict {
        let video = info.streams.first { $0.type == .video }
        let gop = video == nil ? nil : longestGOP(keyframes: info.keyframes, duration: info.duration)
        var warnings: [String] = []
        if let gop, gop > Double(profile.segmentDuration) + segmentSlack {
            warnings.append("longest GOP is \(gop.oneDecimal) s, longer than the channel's \(profile.segmentDuration) s segments: "
                + "segments can only be cut at keyframes, so some will last \(gop.oneDecimal) s and overshoot the target duration; "
                + "re-encode with a keyframe at least every \(profile.segmentDuration) s")
        }
        if let video { warnings += formatWarnings(video, profile: profile) }
        if !info.streams.contains(where: { $0.type == .audio }) {
            warnings.append("no audio stream: the channel airs silence during this item; add a sound track if that is not intended")
        }
        if let loudness { warnings += loudnessWarnings(loudness, profile: profile) }
        return MediaVerdict(airable: info.incompatibilities.isEmpty, problems: info.incompatibilities,
                            warnings: warnings, longestGOP: gop, loudness: loudness)
    }

    /// The longest span from one keyframe to the next, or from the last one to the end; nil when
    /// there are no keyframes.
    static func longestGOP(keyframes: [Double], duration: Double) -> Double? {
        let boundaries = keyframes + [duration]
        return zip(boundaries, boundaries.dropFirst()).map { $1 - $0 }.max()
    }

    private static func formatWarnings(_ video: MediaInfo.Stream, profile: ChannelProfile) -> [String] {
        guard let width = video.width, let height = video.height else { return [] }
        let sameSize = width == profile.width && height == profile.height
        let sameRate = video.frameRate.map { abs($0 - profile.frameRate) < 0.01 } ?? true
        guard !(sameSize && sameRate) else { return [] }
        let format = "\(width)x\(height)" + (video.frameRate.map { "@\($0.shortText)" } ?? "")
        // A new picture size forces a discontinuity (new decoder setup); a new rate alone does not.
        let effects = (sameSize ? [] : ["a discontinuity", "a size change"]) + (sameRate ? [] : ["a frame rate change"])
        let effect = effects.dropLast().joined(separator: ", ") + (effects.count > 1 ? " and " : "") + effects[effects.count - 1]
        return ["\(format) differs from the channel's \(profile.format): \(effect) on air; transcode to \(profile.format) to air seamlessly"]
    }

    private static func loudnessWarnings(_ loudness: Loudness, profile: ChannelProfile) -> [String] {
        var warnings: [String] = []
        let offset = loudness.integrated - profile.loudnessTarget
        if abs(offset) > profile.loudnessTolerance {
            warnings.append("integrated loudness \(loudness.integrated.oneDecimal) LUFS is \(abs(offset).oneDecimal) LU "
                + "\(offset > 0 ? "above" : "below") the channel's \(profile.loudnessTarget.shortText) LUFS target "
                + "(±\(profile.loudnessTolerance.shortText) LU): normalise the audio to \(profile.loudnessTarget.shortText) LUFS")
        }
        if loudness.truePeak > profile.truePeakMax {
            warnings.append("true peak \(loudness.truePeak.oneDecimal) dBTP is above the channel's \(profile.truePeakMax.shortText) dBTP maximum: "
                + "it may clip on air; limit the audio to \(profile.truePeakMax.shortText) dBTP")
        }
        return warnings
    }
}
