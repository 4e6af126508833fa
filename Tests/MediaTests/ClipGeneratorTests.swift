import Foundation
import Media
import TestSupport
import Testing

@Test func generatedMP4HasRequestedFramesSizeRateGOPAndBFrames() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("clip.mp4")
    let spec = ClipSpec(video: VideoFormat(width: 320, height: 240, frameRate: 25), duration: .frames(60),
                        gopLength: 12, bFrames: 2, videoBitRate: 300_000,
                        audio: AudioFormat(sampleRate: 44_100, channels: 1), toneFrequency: 440, label: "GOP 12")
    try ClipGenerator.write(spec, to: path)

    let probe = try FFprobe.streams(of: path)
    let video = try #require(probe.streams?.first { $0.codec_type == "video" })
    let audio = try #require(probe.streams?.first { $0.codec_type == "audio" })
    #expect(video.codec_name == "h264")
    #expect(video.nb_read_frames == "60")
    #expect(video.width == 320 && video.height == 240)
    #expect(video.r_frame_rate == "25/1")
    #expect(audio.codec_name == "aac")
    #expect(audio.sample_rate == "44100")
    #expect(audio.channels == 1)
    let audioDuration = try #require(audio.duration.flatMap(Double.init))
    #expect(abs(audioDuration - 2.4) <= 1.0 / 25)

    let frames = try FFprobe.videoFrames(of: path)
    #expect(frames.count == 60)
    #expect(frames.indices.filter { frames[$0].key_frame == 1 } == [0, 12, 24, 36, 48])
    #expect(frames.contains { $0.pict_type == "B" })
}

@Test func clipWithoutBFramesHasOnlyIAndPFrames() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("clip.mp4")
    try ClipGenerator.write(ClipSpec(video: VideoFormat(width: 160, height: 90, frameRate: 30), duration: .seconds(1),
                                     gopLength: 10, bFrames: 0), to: path)
    let frames = try FFprobe.videoFrames(of: path)
    #expect(frames.count == 30)
    #expect(Set(frames.compactMap(\.pict_type)) == ["I", "P"])
    #expect(frames.indices.filter { frames[$0].key_frame == 1 } == [0, 10, 20])
}

@Test(arguments: ["mp4", "ts", "mkv"])
func generatedClipDecodesWithoutErrors(container: String) throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("clip.\(container)")
    try ClipGenerator.write(ClipSpec(video: VideoFormat(width: 256, height: 144, frameRate: 25), duration: .seconds(2),
                                     gopLength: 25, bFrames: 3, audio: .stereo48k), to: path)
    #expect(try FFprobe.decodeErrors(path) == "")
    let probe = try FFprobe.streams(of: path)
    #expect(probe.streams?.first { $0.codec_type == "video" }?.nb_read_frames == "50")
    let duration = try #require(probe.format?.duration.flatMap(Double.init))
    #expect(abs(duration - 2) <= 1.0 / 25 + 0.03)
}

@Test func durationInSecondsRoundsToWholeFrames() {
    let format = VideoFormat(width: 64, height: 64, frameRate: 25)
    #expect(ClipSpec(video: format, duration: .seconds(1.5)).frameCount == 38)
    #expect(ClipSpec(video: format, duration: .seconds(60)).frameCount == 1500)
    #expect(ClipSpec(video: format, duration: .frames(7)).frameCount == 7)
}

@Test func clipGeneratorRejectsAnImpossibleSpecBeforeWritingAnything() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("clip.mp4")
    let spec = ClipSpec(video: VideoFormat(width: 64, height: 64, frameRate: 25), duration: .frames(10), gopLength: 0)
    #expect(throws: MediaError.self) { try ClipGenerator.write(spec, to: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func clipGeneratorNamesAnUnknownContainerExtension() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("clip.nosuchcontainer")
    let spec = ClipSpec(video: VideoFormat(width: 64, height: 64, frameRate: 25), duration: .frames(5))
    let error = try #require(throws: MediaError.self) { try ClipGenerator.write(spec, to: path) }
    #expect(error.code == .invalidArgument)
    #expect(error.description.contains("clip.nosuchcontainer"))
}
