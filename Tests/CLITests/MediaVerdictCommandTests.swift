import Foundation
import TestSupport
import Testing

@Test func mpeg2ClipCannotAirAndVerdictExitsOne() throws {
    let folder = try TemporaryDirectory()
    let clip = folder.path("clip.ts")
    try FFmpegClip.write(to: clip, videoCodec: "mpeg2video")
    let result = try SREtvBinary.run(["media", "verdict", clip])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").map(String.init) == [
        "\(clip): cannot air",
        "problem: video codec mpeg2video cannot be carried in HLS without re-encoding (need H.264 or HEVC)",
        "warning: 320x180@25 differs from the channel's 1280x720@25: a discontinuity and a size change on air; transcode to 1280x720@25 to air seamlessly",
        "warning: no audio stream: the channel airs silence during this item; add a sound track if that is not intended",
        "longest GOP: 0.48 s",
    ])
}

@Test func airableClipExitsZeroWithAJSONVerdictAndWritesTheThumbnail() throws {
    let folder = try TemporaryDirectory()
    let clip = folder.path("clip.mp4")
    let generated = try SREtvBinary.run(["test-clip", clip, "--format", "320x180@25", "--seconds", "4"])
    #expect(generated.status == 0, "\(generated.stderr)")
    let thumbnail = folder.path("thumb.jpg")
    let result = try SREtvBinary.run([
        "media", "verdict", clip, "--format", "320x180@25", "--loudness-target", "-12", "--json",
        "--thumbnail", thumbnail, "--thumbnail-width", "160",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let verdict = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(verdict["airable"] as? Bool == true)
    #expect(verdict["problems"] as? [String] == [])
    // The test clip's tone peaks at 0.25 of full scale: about -12 LUFS, on the -12 target given.
    #expect(verdict["warnings"] as? [String] == [])
    #expect(verdict["longestGOP"] as? Double == 2)
    let loudness = try #require(verdict["loudness"] as? [String: Double])
    #expect(abs((loudness["integrated"] ?? 0) - -12) <= 0.5)
    let stream = try #require(FFprobe.streams(of: thumbnail).streams?.first)
    #expect(stream.codec_name == "mjpeg" && stream.width == 160 && stream.height == 90)
}
