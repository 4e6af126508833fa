import Media
import TestSupport
import Testing

@Test func slateIsOneClosedGOPOfFrameRatePacketsWithTheKeyframeFirst() throws {
    let slate = try Slate(video: VideoFormat(width: 640, height: 360, frameRate: 25), audio: .stereo48k, title: "SRE ONE")
    #expect(slate.videoPackets.count == 25)
    #expect(slate.videoPackets.first?.isKeyframe == true)
    #expect(slate.videoPackets.dropFirst().allSatisfy { !$0.isKeyframe })
    #expect(slate.videoPackets.map(\.pts) == (0..<25).map { Int64($0) })
    #expect(slate.videoPackets.map(\.dts) == (0..<25).map { Int64($0) })
    #expect(slate.videoTimeBase == Rational(1, 25))
    #expect(slate.videoParameters.codecName == "h264")
    #expect(slate.videoParameters.width == 640 && slate.videoParameters.height == 360)
}

@Test func slateAudioIsOneSilentAACFrameOf1024Samples() throws {
    let slate = try Slate(video: VideoFormat(width: 320, height: 180, frameRate: 30),
                          audio: AudioFormat(sampleRate: 44_100, channels: 1), title: "MONO")
    #expect(slate.audioPacket.duration == 1024)
    #expect(slate.audioPacket.pts == 0)
    #expect(slate.audioPacket.size > 0)
    #expect(slate.audioTimeBase == Rational(1, 44_100))
    #expect(slate.audioParameters.codecName == "aac")
    #expect(slate.audioParameters.sampleRate == 44_100 && slate.audioParameters.channels == 1)
}

@Test func slateCopiesAreStampedForAnEndlessStream() throws {
    let slate = try Slate(video: VideoFormat(width: 160, height: 90, frameRate: 10), audio: .stereo48k, title: "LOOP")
    let frame = slate.videoPacket(forFrame: 20)
    #expect(frame.isKeyframe && frame.pts == 20 && frame.dts == 20)
    #expect(!slate.videoPacket(forFrame: 23).isKeyframe)
    #expect(slate.audioPacket(atSample: 4096).pts == 4096)
    #expect(slate.videoPackets[0].pts == 0 && slate.audioPacket.pts == 0)
}

@Test func repeatedSlateTransportStreamDecodesCleanlyForTheRequestedDuration() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("slate.ts")
    let slate = try Slate(video: VideoFormat(width: 640, height: 360, frameRate: 25), audio: .stereo48k, title: "SRE ONE")
    try slate.writeTransportStream(seconds: 3, to: path)

    #expect(try FFprobe.decodeErrors(path) == "")
    let probe = try FFprobe.streams(of: path)
    #expect(probe.format?.format_name == "mpegts")
    let video = try #require(probe.streams?.first { $0.codec_type == "video" })
    #expect(video.nb_read_frames == "75")
    #expect(video.width == 640 && video.height == 360)
    let duration = try #require(probe.format?.duration.flatMap(Double.init))
    #expect(abs(duration - 3) <= 1.0 / 25 + 1024.0 / 48_000)

    let frames = try FFprobe.videoFrames(of: path)
    #expect(frames.indices.filter { frames[$0].key_frame == 1 } == [0, 25, 50])
    #expect(!frames.contains { $0.pict_type == "B" })
}

@Test func slateRejectsAnOddPictureSize() {
    #expect(throws: MediaError.self) {
        try Slate(video: VideoFormat(width: 641, height: 360, frameRate: 25), audio: .stereo48k, title: "ODD")
    }
}
