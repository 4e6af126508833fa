import Foundation
import HummingbirdTesting
@testable import Server
import Testing

struct HealthAndMetricsTests {
    @Test func healthzAnswersOkWithoutLogin() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            for headers in [fixture.headers(nil), [.authorization: "Bearer wrong"]] {
                let response = try await client.execute(uri: "/healthz", method: .get, headers: headers)
                #expect(response.status == .ok && response.text == "ok")
            }
        }
    }

    @Test func metricsCountRequestsByRouteAndShowWhatThePlayoutReports() async throws {
        let fixture = try ServerFixture()
        fixture.metrics.segmentPublished(channel: "news")
        fixture.metrics.segmentPublished(channel: "news")
        fixture.metrics.lateSegment(channel: "news")
        fixture.metrics.addSlate(seconds: 2.5, channel: "news")
        fixture.metrics.setViewers(3, channel: "news")
        try await fixture.withClient { client throws in
            try await client.execute(uri: "/healthz", method: .get)
            try await client.execute(uri: "/healthz", method: .get)
            try await client.execute(uri: "/hls/news/segment-000001.ts", method: .get, headers: fixture.headers(.viewer))
            try await client.execute(uri: "/hls/news/segment-000002.ts", method: .get)
            try await client.execute(uri: "/no/such/route", method: .get)
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
            let response = try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(.viewer))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(response.text.split(separator: "\n").map(String.init))
            for expected in [
                #"sretv_http_requests_total{route="/healthz",method="GET",status="200"} 2"#,
                #"sretv_http_requests_total{route="/hls/{channel}/{segment}",method="GET",status="200"} 1"#,
                #"sretv_http_requests_total{route="/hls/{channel}/{segment}",method="GET",status="401"} 1"#,
                #"sretv_http_requests_total{route="NotFound",method="GET",status="404"} 1"#,
                #"sretv_http_requests_total{route="/metrics",method="GET",status="401"} 1"#,
                #"sretv_segments_published_total{channel="news"} 2.0"#,
                #"sretv_late_segments_total{channel="news"} 1.0"#,
                #"sretv_slate_seconds_total{channel="news"} 2.5"#,
                #"sretv_viewers{channel="news"} 3.0"#,
                "# TYPE sretv_viewers gauge",
            ] {
                #expect(lines.contains(expected), "\(expected)")
            }
        }
    }
}

struct ViewerCountTests {
    @Test func viewersAreTheUsersWhosePlayersFetchedThePlaylistRecently() async throws {
        let fixture = try ServerFixture()
        let signed = try URLSigner(settings: fixture.settings, database: fixture.database).signedPlaylistURL(channel: "news", user: "ana")
        let path = String(signed.url.dropFirst("http://tv.example".count))
        try await fixture.withClient { client throws in
            // Two users, one of them twice: two viewers.
            #expect(try await client.execute(uri: "/hls/news/index.m3u8", method: .get, headers: fixture.headers(.viewer)).status == .ok)
            #expect(try await client.execute(uri: path, method: .get).status == .ok)
            #expect(try await client.execute(uri: path, method: .get).status == .ok)
            let metrics = try await client.execute(uri: "/metrics", method: .get, headers: fixture.headers(.viewer)).text
            #expect(metrics.split(separator: "\n").contains(#"sretv_viewers{channel="news"} 2.0"#))
        }
    }

    @Test func aViewerWhoStoppedPollingNoLongerCounts() {
        let tracker = ViewerTracker(window: 10)
        let start = Date(timeIntervalSince1970: 1_796_126_400)
        #expect(tracker.saw("ana", on: "news", at: start) == 1)
        #expect(tracker.saw("luis", on: "news", at: start.addingTimeInterval(5)) == 2)
        #expect(tracker.saw("luis", on: "news", at: start.addingTimeInterval(12)) == 1)
    }
}
