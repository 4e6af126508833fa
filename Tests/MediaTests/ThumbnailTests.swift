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
