import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Playout
@testable import Server
import Store
import TestSupport

/// A real database file and real live output files in a fresh temporary folder: channel `news`
/// (Mexico City) on air with two segments, channel `sports` without output, one user per role.
struct ServerFixture {
    static let day = "2026-03-02"
    static let segments = ["segment-000001.ts", "segment-000002.ts"]
    static let playlist = """
        #EXTM3U
        #EXT-X-VERSION:3
        #EXT-X-TARGETDURATION:2
        #EXT-X-MEDIA-SEQUENCE:1
        #EXT-X-DISCONTINUITY-SEQUENCE:0
        #EXT-X-PROGRAM-DATE-TIME:2026-03-02T12:00:00.000-06:00
        #EXTINF:2.000,
        segment-000001.ts
        #EXT-X-PROGRAM-DATE-TIME:2026-03-02T12:00:02.000-06:00
        #EXTINF:2.000,
        segment-000002.ts

        """
    static let onAir = NowPlaying(
        channel: "news",
        onAir: .init(title: "Apertura", itemID: "opening", start: Date(timeIntervalSince1970: 1_772_474_400), end: Date(timeIntervalSince1970: 1_772_474_460)),
        next: nil, position: 2, mediaSequence: 2
    )

    let folder: TemporaryDirectory
    let database: AppDatabase
    /// Tests may change them (e.g. a low upload limit) before building the application.
    var settings: ServerSettings
    let live: FolderLiveOutput
    let metrics = ServerMetrics()
    /// Each role's API token.
    let tokens: [User.Role: String]

    init() throws {
        folder = try TemporaryDirectory("sretv-server")
        database = try AppDatabase.open(at: folder.path("data/sretv.sqlite"))
        try database.createChannel(id: "news", name: "Noticias", timeZone: "America/Mexico_City", actor: "setup")
        try database.createChannel(id: "sports", name: "Deportes", timeZone: "America/Mexico_City", actor: "setup")
        var tokens: [User.Role: String] = [:]
        for role in User.Role.allCases {
            tokens[role] = try database.addUser(name: "\(role.rawValue)-user", role: role, actor: "setup")
        }
        self.tokens = tokens
        let liveRoot = folder.url.appendingPathComponent("live")
        let news = liveRoot.appendingPathComponent("news")
        try FileManager.default.createDirectory(at: news, withIntermediateDirectories: true)
        try Self.playlist.write(to: news.appendingPathComponent("index.m3u8"), atomically: true, encoding: .utf8)
        for (index, name) in Self.segments.enumerated() {
            try Self.segmentBytes(index).write(to: news.appendingPathComponent(name))
        }
        try "not for viewers".write(to: liveRoot.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: news.appendingPathComponent("segment-000666.ts").path, withDestinationPath: "/etc/passwd")
        live = FolderLiveOutput(root: liveRoot, onAir: ["news": Self.onAir])
        settings = ServerSettings(port: 0, mediaRoot: folder.url.appendingPathComponent("media"), publicBaseURL: "http://tv.example/")
    }

    /// The bytes of the `index`th segment: MPEG-TS-sized packets, distinct per segment.
    static func segmentBytes(_ index: Int) -> Data {
        Data((0..<(188 * 40)).map { $0 % 188 == 0 ? 0x47 : UInt8(truncatingIfNeeded: $0 &+ index) })
    }

    /// The application on the real router, for `app.test(.router)` and `.live`.
    func application() throws -> some ApplicationProtocol {
        try buildApplication(settings: settings, database: database, live: live, metrics: metrics, logger: Logger(label: "sretv-test"))
    }

    /// Runs `test` against the real router.
    func withClient<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await application().test(.router, test)
    }

    /// The `Authorization` header of `role`'s token (none for nil).
    func headers(_ role: User.Role?, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if let role { headers[.authorization] = "Bearer \(tokens[role]!)" }
        return headers
    }

    /// A valid one-item rundown of `channel` for `date` as JSON; `title` tells versions apart.
    static func rundown(_ title: String, channel: String = "news", date: String = day) -> ByteBuffer {
        ByteBuffer(string: """
            {"channel": "\(channel)", "date": "\(date)", "timezone": "America/Mexico_City",
             "items": [{"id": "opening", "title": "\(title)", "source": {"kind": "production", "uri": "news/opening.mp4"}, "duration": 60}]}
            """)
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
