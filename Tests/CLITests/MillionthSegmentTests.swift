import Foundation
import TestSupport
import Testing

/// A channel that has aired for 23 days (a million 2-second segments) keeps being served: its
/// saved state is set to sequence 999 998, so the real server crosses 1 000 000 within seconds.
@Test(.timeLimit(.minutes(3)))
func aChannelPastItsMillionthSegmentServesEveryListedSegment() throws {
    let folder = try TemporaryDirectory("sretv-million")
    let output = folder.url.appendingPathComponent("hls/sretv-demo")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let state = #"{"window":{"targetDuration":2,"minimumCount":6,"entries":[],"retired":[],"nextSequence":999998,"discontinuitySequence":0}}"#
    try Data(state.utf8).write(to: output.appendingPathComponent("state.json"))

    let server = try ServerProcess(["--demo", "--data", folder.url.path, "--format", "320x180@25"],
                                   port: ServerProcess.randomPort(), log: folder.url.appendingPathComponent("serve.log"))
    defer { server.stop() }
    try server.waitUntilReady()
    let (playlistURL, _) = try server.demoBanner()
    try server.waitForPlaylist(playlistURL)

    // Wait until the window holds segments from both sides of the millionth.
    var playlist = try ParsedPlaylist(HTTPClient.get(playlistURL).body)
    let deadline = Date().addingTimeInterval(60)
    while playlist.mediaSequence + playlist.segments.count <= 1_000_001, Date() < deadline {
        usleep(500_000)
        playlist = try ParsedPlaylist(HTTPClient.get(playlistURL).body)
    }
    #expect(playlist.mediaSequence <= 999_999, "the window slid past the boundary before it was read: \(playlist.mediaSequence)")
    #expect(playlist.mediaSequence + playlist.segments.count > 1_000_001, "the channel did not reach segment 1000001 within a minute: \(server.output.suffix(2000))")

    let names = playlist.segments.map { String($0.uri.split(separator: "?")[0]) }
    #expect(names.contains("segment-999999.ts") && names.contains("segment-1000000.ts"), "\(names)")
    for (offset, segment) in playlist.segments.enumerated() {
        let name = segment.uri.split(separator: "?")[0]
        #expect(name == "segment-\(String(format: "%06d", playlist.mediaSequence + offset)).ts")
        let download = try HTTPClient.get(playlistURL.replacingOccurrences(of: "index.m3u8?", with: "\(name)?"))
        #expect(download.status == 200, "\(name): \(download.body.prefix(300))")
        #expect(download.headers["content-type"] == "video/mp2t")
    }
}
