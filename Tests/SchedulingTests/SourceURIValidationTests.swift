import Foundation
import Testing
@testable import Scheduling

@Suite struct SourceURIValidationTests {
    typealias F = RundownFixtures

    private func issues(kind: String, uri: String) -> [ValidationIssue] {
        F.issues(F.document(items: [F.item("a", ["source": ["kind": kind, "uri": uri, "provider": "Notimex"], "duration": 30])]))
    }

    @Test(arguments: [
        ("file:///etc/passwd", "scheme \"file:\""),
        ("concat:a|b", "scheme \"concat:\""),
        ("subfile:,start,0,end,0,:x.mp4", "scheme \"subfile:\""),
        ("data:video/mp4;base64,AAAA", "scheme \"data:\""),
        ("../etc/passwd", "\"..\" segment"),
        ("productions/../../etc/passwd", "\"..\" segment"),
        ("/etc/passwd", "absolute path"),
        ("productions\\clip.mp4", "backslash"),
        ("clip\u{0}.mp4", "NUL"),
        ("http://example.org/clip.mp4", "scheme \"http:\""),
    ])
    func hostileProductionURIsAreRejectedWithTheReason(uri: String, reason: String) {
        let found = issues(kind: "production", uri: uri)
        #expect(found.map(\.path) == ["items[0].source.uri"])
        #expect(found.first?.message.contains(reason) == true, "\(found)")
        #expect(found.first?.message.contains("expected a relative path under the media root") == true)
    }

    @Test(arguments: [
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.1.1:8080/x",
        "https://user@[fe80::1]:443/x",
        "http://2852039166/",
        "http:///clip.mp4",
        "ftp://example.org/clip.mp4",
        "file:///etc/passwd",
    ])
    func hostilePublicURLsAreRejected(uri: String) {
        #expect(issues(kind: "public", uri: uri).map(\.path) == ["items[0].source.uri"])
    }

    @Test func theMetadataAddressIsNamedInTheMessage() {
        #expect(issues(kind: "live", uri: "http://169.254.169.254/").first?.message == "\"http://169.254.169.254/\" points at the link-local address 169.254.169.254; expected a URL with scheme srt, rtmp, udp, http, https")
    }

    @Test(arguments: ["productions/clips/a.mp4", "public/canal-once.mp4", "https://media.example.org/a.mp4"])
    func ingestedPathsAndWebURLsAreFineForPublicItems(uri: String) {
        #expect(issues(kind: "public", uri: uri).isEmpty)
    }

    @Test(arguments: ["srt://embassy.example:9000?streamid=x", "rtmp://ingest.example/live/key", "udp://@239.1.1.1:1234", "https://cdn.example/live.m3u8"])
    func liveFeedURLsAreAccepted(uri: String) {
        #expect(issues(kind: "live", uri: uri).isEmpty)
    }

    @Test(arguments: ["public/clip.mp4", "srt://:9000?mode=listener", "rtsp://camera.example/stream"])
    func liveSourcesNeedAURLWithAHostAndAnAllowedScheme(uri: String) {
        #expect(issues(kind: "live", uri: uri).map(\.path) == ["items[0].source.uri"])
    }
}
