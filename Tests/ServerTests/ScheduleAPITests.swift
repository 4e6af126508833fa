import Foundation
import HummingbirdTesting
@testable import Server
import Store
import Testing

/// What viewers read about a channel's air: timeline, now, as-run, guide and channel list.
struct ScheduleAPITests {
    @Test func timelineShowsThePublishedRundownWithLocalTimes() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let rundowns = "/api/channels/news/rundowns/2026-03-02"
            try await client.execute(uri: rundowns, method: .put, headers: fixture.headers(.producer), body: ServerFixture.rundown("Apertura"))
            try await client.execute(uri: rundowns + "/publish", method: .post, headers: fixture.headers(.producer))
            let response = try await client.execute(uri: "/api/channels/news/timeline?from=2026-03-02&to=2026-03-02", method: .get, headers: fixture.headers(.viewer))
            #expect(response.status == .ok)
            #expect(response.json["timezone"] as? String == "America/Mexico_City")
            let entries = response.json["entries"] as? [[String: Any]] ?? []
            #expect(entries.first?["title"] as? String == "Apertura")
            #expect((entries.first?["start"] as? String)?.hasPrefix("2026-03-02T00:00:00") == true)
            #expect((entries.first?["start"] as? String)?.hasSuffix("-06:00") == true)
        }
    }

    @Test func timelineRefusesBadRangesAndUnknownChannels() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for (uri, status) in [
                ("/api/channels/news/timeline?from=2026-03-05&to=2026-03-02", 400), ("/api/channels/news/timeline?from=2026-01-01&to=2026-12-31", 400),
                ("/api/channels/news/timeline?from=yesterday", 400), ("/api/channels/nowhere/timeline", 404),
            ] {
                #expect(try await client.execute(uri: uri, method: .get, headers: fixture.headers(.viewer)).status.code == status, "\(uri)")
            }
        }
    }

    @Test func nowComesFromThePlayoutAndIs404OffAir() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let onAir = try await client.execute(uri: "/api/channels/news/now", method: .get, headers: fixture.headers(.viewer))
            #expect(onAir.status == .ok && onAir.json["mediaSequence"] as? Int == 2)
            #expect((onAir.json["onAir"] as? [String: Any])?["title"] as? String == "Apertura")
            #expect(try await client.execute(uri: "/api/channels/sports/now", method: .get, headers: fixture.headers(.viewer)).status == .notFound)
        }
    }

    @Test func asRunListsTheDaysEntries() async throws {
        let fixture = try ServerFixture()
        let start = Date(timeIntervalSince1970: 1_772_474_400)
        try fixture.database.recordAsRun(AsRunEntry(
            channel: "news", date: .init("2026-03-02")!, itemId: "opening", title: "Apertura",
            plannedStart: start, actualStart: start, actualEnd: start.addingTimeInterval(60), outcome: .aired
        ))
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/api/channels/news/asrun?date=2026-03-02", method: .get, headers: fixture.headers(.viewer))
            let entries = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]]
            #expect(entries?.map { $0["itemId"] as? String } == ["opening"])
            #expect(entries?.first?["actualStart"] as? String == "2026-03-02T18:00:00Z")
            let other = try await client.execute(uri: "/api/channels/news/asrun?date=2026-03-03", method: .get, headers: fixture.headers(.viewer))
            #expect(other.text == "[]")
        }
    }

    @Test func guideIsXMLTVOfEveryChannel() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/epg.xml?from=2026-03-02&to=2026-03-03", method: .get, headers: fixture.headers(.viewer))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/xml; charset=utf-8")
            #expect(response.text.contains("<channel id=\"news\">") && response.text.contains("<channel id=\"sports\">"))
            #expect(response.text.contains("<programme"))
            let defaultRange = try await client.execute(uri: "/epg.xml", method: .get, headers: fixture.headers(.viewer))
            #expect(defaultRange.status == .ok)
        }
    }

    @Test func channelListGivesEachChannelAPlaylistURLSignedForTheCaller() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: "/channels.m3u", method: .get, headers: fixture.headers(.producer))
            #expect(response.status == .ok)
            #expect(response.text.hasPrefix("#EXTM3U\n"))
            let urls = response.text.split(separator: "\n").filter { $0.hasPrefix("http") }.map(String.init)
            #expect(urls.count == 2)
            #expect(urls.allSatisfy { $0.contains("user=producer-user&expires=") && $0.contains("&sig=") })
            let news = try #require(urls.first { $0.hasPrefix("http://tv.example/hls/news/index.m3u8?") })
            #expect(try await client.execute(uri: SignedURLTests.pathAndQuery(news), method: .get).status == .ok)
        }
    }
}
