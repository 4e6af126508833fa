import Foundation
import Glibc
@testable import Media
import TestSupport
import Testing

/// Where a remote source may lead: redirects are followed by SREtv (each new URL checked against
/// the allow list), hosts are resolved once and the resolved addresses checked, HTTPS
/// certificates are verified. Against a real loopback web server (Python's `http.server`).
@Suite(.serialized) struct SourceRedirectTests {
    let folder: TemporaryDirectory
    let served: String
    let server: RedirectingProvider

    init() throws {
        folder = try TemporaryDirectory("sretv-redirect")
        served = folder.path("served")
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try ProviderMedia.mp4(served + "/clip.mp4", seconds: 4)
        try ProviderMedia.hls(from: served + "/clip.mp4", into: served + "/vod")
        server = try RedirectingProvider(directory: served)
    }

    /// Copies `url` under `policy` to `name` in the test folder.
    @discardableResult
    func copy(_ url: String, _ policy: SourcePolicy, to name: String = "copy.ts") throws -> CopiedFile {
        try MediaCopier.copy(from: try policy.source(url), to: folder.path(name)) { _ in true }
    }

    @Test func aRedirectToAHostOffTheAllowListIsRefusedWithThatURLAndNotFetched() throws {
        let target = server.url("clip.mp4", host: "localhost")
        let error = #expect(throws: MediaError.self) { try copy(server.redirect(to: target), SourcePolicy(hosts: ["127.0.0.1"])) }
        #expect(error?.code == .refused)
        #expect(error?.subject == target, "\(String(describing: error))")
        #expect(error?.reason.contains("localhost is not on the allow list") == true)
        #expect(!server.requests.contains("/clip.mp4"), "\(server.requests)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("copy.ts")))
    }

    @Test func aRedirectToAnotherAllowedHostIsFollowed() throws {
        let target = server.url("clip.mp4", host: "localhost")
        let copied = try copy(server.redirect(to: target), SourcePolicy(hosts: ["127.0.0.1", "localhost"]))
        #expect(abs(try copied.probe().duration - 4) < 0.1)
        #expect(server.requests.contains("/clip.mp4"), "\(server.requests)")
    }

    @Test func aChainOfRedirectsEndsAfterFiveHops() throws {
        var url = server.url("clip.mp4")
        for _ in 0..<7 { url = server.redirect(to: url) }
        let error = #expect(throws: MediaError.self) { try copy(url, SourcePolicy(hosts: ["127.0.0.1"])) }
        #expect(error?.reason.contains("more than 5 redirects") == true, "\(String(describing: error))")
    }

    @Test func anHLSPlaylistWhoseSegmentsRedirectOffTheListIsRefused() throws {
        let playlist = try String(contentsOfFile: served + "/vod/index.m3u8", encoding: .utf8)
            .replacingOccurrences(of: "segment-", with: "/302/" + server.url("vod/segment-", host: "localhost"))
        try playlist.write(toFile: served + "/vod/redirecting.m3u8", atomically: true, encoding: .utf8)
        let error = #expect(throws: MediaError.self) { try copy(server.url("vod/redirecting.m3u8"), SourcePolicy(hosts: ["127.0.0.1"])) }
        #expect(error?.code == .refused, "\(String(describing: error))")
        #expect(error?.subject.hasPrefix(server.url("vod/segment-", host: "localhost")) == true, "\(String(describing: error))")
        #expect(!server.requests.contains { $0.hasPrefix("/vod/segment-") }, "\(server.requests)")
    }

    @Test func anHLSSourceNamedByHostReadsItsSegmentsByThatName() throws {
        // libavformat builds segment URLs from the address it connected to; they still count as `localhost`.
        let copied = try copy(server.url("vod/index.m3u8", host: "localhost"), SourcePolicy(hosts: ["localhost"]))
        #expect(abs(try copied.probe().duration - 4) < 0.1)
        #expect(server.requests.filter { $0.hasPrefix("/vod/segment-") }.count >= 2, "\(server.requests)")
    }

    @Test func anHTTPConnectionGoesToTheCheckedAddressAndNamesTheHost() throws {
        let policy = SourcePolicy(hosts: ["localhost"], schemes: ["http", "https"])
        let plain = try policy.connections(to: "http://localhost:8080/a.m3u8")
        #expect(plain.map(\.target) == ["http://127.0.0.1:8080/a.m3u8"])
        #expect(plain.first?.options == ["max_redirects": "0", "headers": "Host: localhost:8080\r\n"])
        let secure = try policy.connections(to: "https://localhost/a.m3u8")
        #expect(secure.map(\.target) == ["https://localhost/a.m3u8"])
        #expect(secure.first?.options["tls_verify"] == "1")
        #expect(secure.first?.options["max_redirects"] == "0")
        let v6URL = "http://[::1]:8080/a.m3u8"
        let v6 = try SourcePolicy(hosts: [try #require(URLComponents(string: v6URL)?.host)]).connections(to: v6URL)
        #expect(v6.map(\.target) == [v6URL])
        #expect(v6.first?.options["headers"] == "Host: [::1]:8080\r\n")
    }

    @Test func anRTMPSourceConnectsToTheCheckedAddressAndKeepsTheNameInItsTcURL() throws {
        let policy = SourcePolicy(hosts: ["localhost"], schemes: ["rtmp"])
        let pull = try policy.connections(to: "rtmp://localhost/live/key?token=a")
        #expect(pull.map(\.target) == ["rtmp://127.0.0.1/live/key?token=a"])
        #expect(pull.first?.options == ["rtmp_tcurl": "rtmp://localhost:1935/live"])
        // As libavformat 5.1 reads the application from path and query (seen with `ffmpeg -v debug`).
        let applications = ["/live/key": "live", "/app/inst/key": "app/inst", "/a": "a", "/": "", "/a/mp4:b/c": "a",
                            "/live/key?x=a/b": "live/key?x=a", "/ondemand/x/y": "ondemand", "/x/y/z/w": "x/y"]
        for (path, application) in applications {
            #expect(SourcePolicy.rtmpApplication(path: path) == application, "\(path)")
        }
        let listener = try policy.connections(to: "rtmp://localhost:1935/live/key", listening: true)
        #expect(listener.map(\.target) == ["rtmp://localhost:1935/live/key"])
    }

    @Test func anRTMPSourceNamedByHostIsPlayedFromItsCheckedAddress() throws {
        let port = ServerProcess.randomPort()
        // ffmpeg as an RTMP server, waiting for one player.
        let sender = try LiveFeedProcess(clip: URL(fileURLWithPath: served + "/clip.mp4"), to: "rtmp://127.0.0.1:\(port)/live/key",
                                         format: "flv", extra: ["-listen", "1"])
        defer { sender.stop() }
        let source = try SourcePolicy(hosts: ["localhost"], schemes: ["rtmp"]).source("rtmp://localhost:\(port)/live/key")
        var opened: InputFile?
        var lastError: MediaError?
        for _ in 0..<50 where opened == nil {
            let monitor = InputMonitor(source: source)
            monitor.interrupt(after: Date().addingTimeInterval(10))
            do {
                opened = try InputFile(source: source, monitor: monitor)
            } catch {
                lastError = error
                usleep(200_000)
            }
        }
        let input = try #require(opened, "\(String(describing: lastError))")
        #expect(input.firstStream(.video) != nil)
    }

    @Test(arguments: ["0xa9fea9fe", "0251.0376.0251.0376", "169.254.169.254", "2852039166"])
    func aLinkLocalAddressIsRefusedHoweverItIsSpelled(host: String) throws {
        let url = "http://\(host)/latest/meta-data/"
        let policy = SourcePolicy(hosts: [host])
        let monitor = InputMonitor(source: try policy.source(url))
        monitor.interrupt(after: Date().addingTimeInterval(3))
        let error = #expect(throws: MediaError.self) { try InputFile(source: try policy.source(url), monitor: monitor) }
        #expect(error?.code == .refused, "\(String(describing: error))")
        #expect(error?.reason.contains("169.254.169.254, a link-local address") == true, "\(String(describing: error))")
    }

    @Test(arguments: ["0x7f000001", "127.1", "2130706433", "0177.0.0.1"])
    func thisMachineSpelledOtherThanAsItsAddressIsRefused(host: String) throws {
        // Only the address itself (or localhost) on the list lets a source reach this machine.
        let error = #expect(throws: MediaError.self) { try copy("http://\(host):\(server.port)/clip.mp4", SourcePolicy(hosts: [host])) }
        #expect(error?.code == .refused, "\(String(describing: error))")
        #expect(error?.reason.contains("127.0.0.1, a loopback address") == true, "\(String(describing: error))")
        #expect(server.requests.isEmpty, "\(server.requests)")
    }

    @Test func aLiveHLSSourceRefusesSegmentsRedirectedOffTheList() throws {
        let playlist = try String(contentsOfFile: served + "/vod/index.m3u8", encoding: .utf8)
            .replacingOccurrences(of: "segment-", with: "/302/" + server.url("vod/segment-", host: "localhost"))
            .replacingOccurrences(of: "#EXT-X-ENDLIST\n", with: "")
        try playlist.write(toFile: served + "/vod/live.m3u8", atomically: true, encoding: .utf8)
        let policy = SourcePolicy(hosts: ["127.0.0.1"])
        let source = try policy.source(server.url("vod/live.m3u8"))
        // As a live feed opens it: no read-ahead, the demuxer's own (kept-alive) requests.
        let monitor = InputMonitor(source: source)
        monitor.interrupt(after: Date().addingTimeInterval(20))
        let error = #expect(throws: MediaError.self) { try InputFile(source: source, monitor: monitor) }
        #expect(error?.code == .refused, "\(String(describing: error))")
        #expect(error?.subject.hasPrefix(server.url("vod/segment-", host: "localhost")) == true, "\(String(describing: error))")
        #expect(!server.requests.contains { $0.hasPrefix("/vod/segment-") }, "\(server.requests)")
    }

    @Test func anIPv4MappedLinkLocalAddressIsRefused() throws {
        let url = "http://[::ffff:169.254.169.254]/latest/"
        let host = try #require(URLComponents(string: url)?.host)
        let policy = SourcePolicy(hosts: [host])
        let monitor = InputMonitor(source: try policy.source(url))
        monitor.interrupt(after: Date().addingTimeInterval(3))
        let error = #expect(throws: MediaError.self) { try InputFile(source: try policy.source(url), monitor: monitor) }
        #expect(error?.code == .refused, "\(String(describing: error))")
        #expect(error?.reason.contains("link-local") == true, "\(String(describing: error))")
    }

    @Test func namesMayLeadToThisMachineOrAPrivateNetworkOnlyWhenTheListNamesTheAddress() throws {
        func refused(_ host: String, _ address: String) -> Bool {
            (try? SourcePolicy.checkAddresses([IPAddress(literal: address)!], of: host, in: "http://\(host)/")) == nil
        }
        #expect(refused("cdn.example", "127.0.0.1"))
        #expect(refused("cdn.example", "10.1.2.3"))
        #expect(refused("cdn.example", "192.168.1.1"))
        #expect(refused("cdn.example", "::1"))
        #expect(refused("cdn.example", "fd00::1"))
        #expect(refused("cdn.example", "0.0.0.0"))
        #expect(refused("cdn.example", "::ffff:127.0.0.1"))
        #expect(!refused("cdn.example", "93.184.216.34"))
        #expect(!refused("cdn.example", "2606:2800:220:1::1"))
        #expect(!refused("127.0.0.1", "127.0.0.1"))
        #expect(!refused("localhost", "::1"))
        #expect(!refused("10.1.2.3", "10.1.2.3"))
        for linkLocal in ["169.254.169.254", "fe80::1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe"] {
            #expect(refused("169.254.169.254", linkLocal), "\(linkLocal)")
            #expect(refused("localhost", linkLocal), "\(linkLocal)")
        }
    }

    @Test func anHTTPSServerWithAnUntrustedCertificateIsRefused() throws {
        let (certificate, key) = try RedirectingProvider.selfSignedCertificate(in: folder.path(""))
        let secure = try RedirectingProvider(directory: served, certificate: certificate, key: key)
        let error = #expect(throws: MediaError.self) {
            try copy(secure.url("clip.mp4"), SourcePolicy(hosts: ["127.0.0.1"], schemes: ["https"]))
        }
        #expect(error?.reason.contains("certificate") == true, "\(String(describing: error))")
        #expect(!secure.requests.contains("/clip.mp4"), "\(secure.requests)")
    }

    @Test func aUDPSourceListensOnlyOnTheAddressItNames() throws {
        let port = try Self.freeUDPPort()
        let policy = SourcePolicy(hosts: ["127.0.0.1"], schemes: ["udp"])
        let source = try policy.source("udp://127.0.0.1:\(port)")
        let monitor = InputMonitor(source: source)
        let ended = DispatchSemaphore(value: 0)
        let thread = Thread {
            _ = try? InputFile(source: source, monitor: monitor)
            ended.signal()
        }
        thread.start()
        defer {
            monitor.cancel()
            ended.wait()
        }
        let portHex = String(format: ":%04X", port)
        var bound: [String] = []
        let deadline = Date().addingTimeInterval(10)
        while bound.isEmpty, Date() < deadline {
            bound = Self.boundUDPAddresses().filter { $0.hasSuffix(portHex) }
            if bound.isEmpty { usleep(20_000) }
        }
        #expect(bound == ["0100007F" + portHex], "bound: \(bound)")
    }

    /// The local addresses of every UDP socket on this machine, as /proc/net/udp{,6} give them.
    static func boundUDPAddresses() -> [String] {
        ["/proc/net/udp", "/proc/net/udp6"].flatMap { path in
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").dropFirst()
                .compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
        }
    }

    /// A UDP port nothing listens on now.
    static func freeUDPPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ServerProcessError("no free UDP port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
