import Foundation
import Media
import TestSupport
import Testing

@Test(arguments: zip(["clip.mp4", "clip.ts"], [AudioFormat.stereo48k, AudioFormat(sampleRate: 44_100, channels: 1)]))
func loudnessMatchesTheFFmpegEBUR128Summary(name: String, audio: AudioFormat) throws {
    let folder = try TemporaryDirectory()
    let path = folder.path(name)
    try ClipGenerator.write(ClipSpec(video: VideoFormat(width: 160, height: 90, frameRate: 25), duration: .seconds(8),
                                     audio: audio, toneFrequency: 997, toneAmplitude: 0.4), to: path)
    let measured = try LoudnessMeter.measure(path)
    let reference = try FFmpegLoudness.measure(path)
    #expect(abs(measured.integrated - reference.integrated) <= 0.2, "\(measured) vs ffmpeg \(reference)")
    #expect(abs(measured.truePeak - reference.truePeak) <= 0.2, "\(measured) vs ffmpeg \(reference)")
    #expect(abs(measured.range - reference.range) <= 0.2, "\(measured) vs ffmpeg \(reference)")
    // A sine of peak 0.4 in both stereo channels measures 20·log10(0.4) ≈ -8 LUFS; in one mono channel 3 dB less.
    #expect(abs(measured.integrated - (20 * log10(0.4) + 10 * log10(Double(audio.channels) / 2))) <= 0.5)
}

@Test func measuringAFileWithoutAudioSaysItHasNoAudioStream() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("silent-video.ts")
    try FFmpegClip.write(to: path, videoCodec: "mpeg2video")
    let error = try #require(throws: MediaError.self) { try LoudnessMeter.measure(path) }
    #expect(error.code == .invalidArgument)
    #expect(error.description == "measuring the loudness of \(path): the file has no audio stream, so there is no loudness to measure")
}
