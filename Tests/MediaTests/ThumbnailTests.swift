import Foundation
import Media
import TestSupport
import Testing

@Test(arguments: zip([320, 640], [180, 360]))
func thumbnailIsAJPEGOfTheRequestedWidthWithTheSourceAspect(width: Int, height: Int) throws {
    let folder = try TemporaryDirectory()
    let clip = folder.path("clip.mp4")
    try ClipGenerator.write(ClipSpec(video: VideoFormat(width: 640, height: 360, frameRate: 25), duration: .seconds(3), gopLength: 25), to: clip)
    let jpeg = folder.path("thumb.jpg")
    try Thumbnail.write(from: clip, at: 1.5, width: width, to: jpeg)

    let stream = try #require(FFprobe.streams(of: jpeg).streams?.first)
    #expect(stream.codec_name == "mjpeg")
    #expect(stream.width == width && stream.height == height)
    #expect(try FFprobe.decodeErrors(jpeg) == "")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["clip.mp4", "thumb.jpg"])
}

@Test func thumbnailRefusesAnOddWidthAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    let clip = folder.path("clip.mp4")
    try ClipGenerator.write(ClipSpec(video: VideoFormat(width: 320, height: 180, frameRate: 25), duration: .seconds(1)), to: clip)
    let jpeg = folder.path("thumb.jpg")
    let error = try #require(throws: MediaError.self) { try Thumbnail.write(from: clip, at: 0, width: 161, to: jpeg) }
    #expect(error.code == .invalidArgument)
    #expect(error.reason == "width 161 must be even and 2...320")
    #expect(!FileManager.default.fileExists(atPath: jpeg))
}

@Test(arguments: ["yuv420p", "yuv422p", "yuv444p", "yuvj420p"])
func thumbnailOf8BitYUVVideoIsAJPEGWithTheSourceColour(pixelFormat: String) throws {
    let folder = try TemporaryDirectory()
    let clip = folder.path("clip.mkv")
    try FFmpegClip.write(to: clip, source: "color=c=0xC02020:size=320x180:rate=25", videoCodec: "libx264",
                         options: ["-pix_fmt", pixelFormat, "-preset", "ultrafast"])
    let jpeg = folder.path("thumb.jpg")
    try Thumbnail.write(from: clip, at: 0, width: 160, to: jpeg)
    let stream = try #require(FFprobe.streams(of: jpeg).streams?.first)
    #expect(stream.codec_name == "mjpeg" && stream.width == 160 && stream.height == 90)
    // Limited-range sources are stretched to JPEG's full range: the red reads back as it went in.
    let pixel = folder.path("pixel.rgb")
    let decoded = try ProcessRunner.run("ffmpeg", ["-nostdin", "-v", "error", "-i", jpeg, "-vf", "crop=8:8:76:40,scale=1:1",
                                                   "-f", "rawvideo", "-pix_fmt", "rgb24", pixel])
    #expect(decoded.status == 0, "\(decoded.stderr)")
    let rgb = Array(try Data(contentsOf: URL(fileURLWithPath: pixel)))
    #expect(rgb.count == 3 && abs(Int(rgb[0]) - 0xC0) <= 10 && abs(Int(rgb[1]) - 0x20) <= 10 && abs(Int(rgb[2]) - 0x20) <= 10,
            "centre pixel \(rgb)")
}
