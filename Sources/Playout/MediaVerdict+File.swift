import Media

extension MediaVerdict {
    /// Judges the file at `path`, probed as `info`, against `profile`, measuring its loudness first
    /// when it has audio. Audio that cannot be measured (too short, undecodable) is a warning, not a
    /// failure. Blocks while it decodes the audio; run it off Swift's cooperative pool.
    public static func judge(file path: String, info: MediaInfo, profile: ChannelProfile) -> MediaVerdict {
        guard info.streams.contains(where: { $0.type == .audio }) else { return judge(info, loudness: nil, profile: profile) }
        do throws(MediaError) {
            return judge(info, loudness: try LoudnessMeter.measure(path), profile: profile)
        } catch {
            var verdict = judge(info, loudness: nil, profile: profile)
            verdict.warnings.append("loudness not measured: \(error.reason); check the sound track before it airs")
            return verdict
        }
    }
}
