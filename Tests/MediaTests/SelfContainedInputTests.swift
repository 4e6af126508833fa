import Foundation
@testable import Media
import TestSupport
import Testing

/// A local media file is data: reading it never opens another file, whatever it names.
@Suite(.serialized) struct SelfContainedInputTests {
    let folder: TemporaryDirectory
    /// A playlist in the "media root" that lists, by absolute path, the segments of a clip kept elsewhere.
    let playlist: String

    init() throws {
        folder = try TemporaryDirectory("sretv-self-contained")
        let secret = folder.path("secret")
        try ProviderMedia.mp4(secret + "/clip.mp4", seconds: 4)
        try ProviderMedia.hls(from: secret + "/clip.mp4", into: secret + "/vod")
        let lines = try String(contentsOfFile: secret + "/vod/index.m3u8", encoding: .utf8).split(separator: "\n")
        playlist = folder.path("media/news/playlist.ts")
        try FileManager.default.createDirectory(atPath: folder.path("media/news"), withIntermediateDirectories: true)
        try lines.map { $0.hasPrefix("segment-") ? "\(secret)/vod/\($0)" : String($0) }.joined(separator: "\n")
            .write(toFile: playlist, atomically: true, encoding: .utf8)
    }

    @Test func probingALocalPlaylistRefusesItAndSaysWhy() throws {
        let error = #expect(throws: MediaError.self) { try MediaProbe.probe(playlist) }
        #expect(error?.code == .refused)
        #expect(error?.reason.hasPrefix("it is an HLS playlist (hls), not a file that holds its media itself") == true, "\(String(describing: error))")
    }

    @Test func openingALocalPlaylistOpensNothingItNames() throws {
        // Without the check first: the open itself takes only self-contained containers.
        let error = #expect(throws: MediaError.self) { try InputFile(url: playlist) }
        #expect(error?.code == .open)
    }

    @Test func aSelfContainedFileStillOpens() throws {
        let info = try MediaProbe.probe(folder.path("secret/clip.mp4"))
        #expect(abs(info.duration - 4) < 0.1)
        #expect(info.container == "mov,mp4,m4a,3gp,3g2,mj2")
    }
}
