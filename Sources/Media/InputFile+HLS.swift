extension InputFile {
    /// Why the input cannot be carried in HLS by remuxing: a video or audio codec HLS does not
    /// take (empty when it can).
    public var hlsIncompatibilities: [String] {
        var reasons: [String] = []
        if let video = firstStream(.video), !MediaInfo.hlsVideoCodecs.contains(video.parameters.codecName) {
            reasons.append("video codec \(video.parameters.codecName) cannot be carried in HLS without re-encoding (need H.264 or HEVC)")
        }
        if let audio = firstStream(.audio), !MediaInfo.hlsAudioCodecs.contains(audio.parameters.codecName) {
            reasons.append("audio codec \(audio.parameters.codecName) cannot be carried in HLS without re-encoding (need AAC, AC-3, E-AC-3 or MP3)")
        }
        return reasons
    }
}
