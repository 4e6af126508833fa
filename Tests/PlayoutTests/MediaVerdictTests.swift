import Foundation
import Media
import Playout
import TestSupport
import Testing

/// A stereo tone of peak 0.0708 (-23 dBFS) measures about -23 LUFS: on an EBU R128 channel's target.
private let onTarget = 0.0708
/// The small channel the clips are made for.
private let smallChannel = ChannelProfile(width: 320, height: 180, frameRate: 25)

/// Generates `spec` as an mp4, probes it and measures its loudness.
private func measuredClip(_ spec: ClipSpec) throws -> (info: MediaInfo, loudness: Loudness) {
    let folder = try TemporaryDirectory()
    let path = folder.path("clip.mp4")
    try ClipGenerator.write(spec, to: path)
    return (try MediaProbe.probe(path), try LoudnessMeter.measure(path))
}

private func clip(seconds: Double, gopLength: Int? = nil, toneAmplitude: Double = onTarget) -> ClipSpec {
    ClipSpec(video: VideoFormat(width: 320, height: 180, frameRate: 25), duration: .seconds(seconds),
             gopLength: gopLength, toneAmplitude: toneAmplitude)
}

@Test func cleanClipMatchingTheChannelIsAirableWithoutWarnings() throws {
    let (info, loudness) = try measuredClip(clip(seconds: 4))
    let verdict = MediaVerdict.judge(info, loudness: loudness, profile: smallChannel)
    #expect(verdict.airable)
    #expect(verdict.problems == [])
    #expect(verdict.warnings == [])
    #expect(verdict.longestGOP == 2)
    #expect(abs(loudness.integrated - -23) <= 0.5)
    #expect(verdict.loudness == loudness)
}

@Test func loudClipGetsALoudnessWarningWithTheMeasuredValue() throws {
    let (info, loudness) = try measuredClip(clip(seconds: 4, toneAmplitude: 0.316))
    let verdict = MediaVerdict.judge(info, loudness: loudness, profile: smallChannel)
    #expect(abs(loudness.integrated - -10) <= 0.5)
    let measured = String(format: "%.1f", loudness.integrated), above = String(format: "%.1f", loudness.integrated + 23)
    #expect(verdict.airable)
    #expect(verdict.warnings == [
        "integrated loudness \(measured) LUFS is \(above) LU above the channel's -23 LUFS target (±1 LU): normalise the audio to -23 LUFS",
    ])
}

@Test func tenSecondGOPGetsASegmentOvershootWarning() throws {
    let (info, loudness) = try measuredClip(clip(seconds: 12, gopLength: 250))
    let verdict = MediaVerdict.judge(info, loudness: loudness, profile: smallChannel)
    #expect(verdict.airable)
    #expect(verdict.longestGOP == 10)
    #expect(verdict.warnings == [
        "longest GOP is 10.0 s, longer than the channel's 2 s segments: segments can only be cut at keyframes, "
            + "so some will last 10.0 s and overshoot the target duration; re-encode with a keyframe at least every 2 s",
    ])
    // The same file on a channel with 10 s segments is fine.
    #expect(MediaVerdict.judge(info, loudness: loudness, profile: ChannelProfile(segmentDuration: 10, width: 320, height: 180)).warnings == [])
}

@Test func otherPictureFormatAndHotPeaksAreWarningsNamingBothValues() throws {
    let (info, _) = try measuredClip(clip(seconds: 2))
    let hot = Loudness(integrated: -23.4, truePeak: -0.3, range: 2)
    let verdict = MediaVerdict.judge(info, loudness: hot, profile: ChannelProfile(frameRate: 50))
    #expect(verdict.airable)
    #expect(verdict.warnings == [
        "320x180@25 differs from the channel's 1280x720@50: a discontinuity, a size change and a frame rate change on air; "
            + "transcode to 1280x720@50 to air seamlessly",
        "true peak -0.3 dBTP is above the channel's -1 dBTP maximum: it may clip on air; limit the audio to -1 dBTP",
    ])
}
