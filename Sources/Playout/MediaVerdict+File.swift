import Media

extension MediaVerdict {
    /// Judges the file at `path`, probed as `info`, against `profile`, measuring its loudness first
    /// when it has audio. Audio that cannot be measured (too short, undecodable) is a warning, not a
    /// failure. Blocks while it decodes the audio; run it off Swift's cooperative pool.
    public static func judge(file path: String, info: MediaInfo, profile: ChannelProfile) -> MediaVerdict {
        judge(info, measured: info.hasAudio ? measureLoudness(of: path) : nil, profile: profile)
    }

    /// Measures the loudness of the file at `path` (EBU R128), the failure kept for `judge`, so it
    /// can run before the file is probed. Blocks while it decodes the audio.
    public static func measureLoudness(of path: String) -> Result<Loudness, MediaError> {
        Result { () throws(MediaError) in try LoudnessMeter.measure(path) }
    }

    /// Judges `info` against `profile` with the loudness `measured` for it; a file without audio
    /// needs none (what was measured is then ignored), and a failed measurement is a warning.
    public static func judge(_ info: MediaInfo, measured: Result<Loudness, MediaError>?, profile: ChannelProfile) -> MediaVerdict {
        guard info.hasAudio, let measured else { return judge(info, loudness: nil, profile: profile) }
        switch measured {
        case .success(let loudness):
            return judge(info, loudness: loudness, profile: profile)
        case .failure(let error):
            var verdict = judge(info, loudness: nil, profile: profile)
            verdict.warnings.append("loudness not measured: \(error.reason); check the sound track before it airs")
            return verdict
        }
    }
}

extension MediaInfo {
    /// Whether the file has an audio stream.
    var hasAudio: Bool { streams.contains { $0.type == .audio } }
}
