import Foundation
import HummingbirdTesting
@testable import Server
import TestSupport
import Testing

/// `POST …/rundowns/{date}/preview`: an unsaved draft resolved as the playout would air it, with
/// its problems by JSON path — and the same times the timeline shows once it is published.
struct RundownPreviewAPITests {
    static let uri = "/api/channels/news/rundowns/2026-03-02"

    /// A 4-second clip at 08:00 cut by a hard start at 08:00:02; a missing file; an item with a bad
    /// start; a hard start at 08:00:10 after a gap; all with valid JSON.
    static let draft = """
        {"channel": "news", "date": "2026-03-02", "timezone": "America/Mexico_City", "items": [
          {"id": "clip", "title": "Clip", "start": "08:00:00", "source": {"kind": "production", "uri": "clips/four.mp4"}},
          {"id": "missing", "title": "Missing", "start": "08:00:02", "duration": 3, "source": {"kind": "production", "uri": "clips/none.mp4"}},
          {"id": "bad", "title": "Bad", "start": "25:00:00", "duration": 5, "source": {"kind": "production", "uri": "clips/four.mp4"}},
          {"id": "late", "title": "Late", "start": "08:00:10", "source": {"kind": "production", "uri": "clips/four.mp4"}}]}
        """

    static func fixtureWithClip() throws -> ServerFixture {
        let fixture = try ServerFixture()
        try ProviderMedia.mp4(fixture.settings.mediaRoot.appendingPathComponent("clips/four.mp4").path, seconds: 4, format: "320x180@25")
        return fixture
    }

    @Test func draftResolvesWithComputedTimesCutsGapsMissingMediaAndIssuesByPath() async throws {
        let fixture = try Self.fixtureWithClip()
        try await fixture.withClient { client throws in
            let response = try await client.execute(uri: Self.uri + "/preview", method: .post, headers: fixture.headers(.producer), body: .init(string: Self.draft))
            #expect(response.status == .ok)
            let issues = response.json["issues"] as? [[String: Any]] ?? []
            #expect(issues.map { $0["path"] as? String } == ["items[2].start"])
            let entries = (response.json["timeline"] as? [String: Any])?["entries"] as? [[String: Any]] ?? []
            let byItem = Dictionary(entries.compactMap { entry in (entry["item"] as? String).map { ($0, entry) } }) { first, _ in first }
            #expect(byItem["bad"] == nil)
            #expect((byItem["clip"]?["start"] as? String)?.hasPrefix("2026-03-02T08:00:00") == true)
            #expect((byItem["clip"]?["end"] as? String)?.hasPrefix("2026-03-02T08:00:02") == true)
            #expect(byItem["clip"]?["trimmed"] as? Double == 2)
            #expect(byItem["missing"]?["plays"] as? String == "slate")
            #expect((byItem["late"]?["start"] as? String)?.hasPrefix("2026-03-02T08:00:10") == true)
            let gap = entries.first { $0["item"] == nil && ($0["start"] as? String)?.hasPrefix("2026-03-02T08:00:05") == true }
            #expect(gap?["duration"] as? Double == 5)
            let warnings = response.json["warnings"] as? [[String: Any]] ?? []
            #expect(warnings.contains { $0["item"] as? String == "missing" && ($0["message"] as? String)?.contains("none.mp4") == true }, "\(warnings)")
            #expect(warnings.contains { $0["item"] as? String == "clip" })
        }
        #expect(try fixture.database.latestRundown(channel: "news", date: .init("2026-03-02")!) == nil)
    }

    @Test func previewOfAValidDraftIsTheTimelineItAirsOncePublished() async throws {
        let fixture = try Self.fixtureWithClip()
        let valid = Self.draft.replacingOccurrences(of: "25:00:00", with: "08:00:05")
        try await fixture.withClient { client throws in
            let preview = try await client.execute(uri: Self.uri + "/preview", method: .post, headers: fixture.headers(.producer), body: .init(string: valid))
            #expect(preview.json["issues"] as? [Any] != nil && (preview.json["issues"] as? [Any])?.isEmpty == true)
            try await client.execute(uri: Self.uri, method: .put, headers: fixture.headers(.producer), body: .init(string: valid))
            try await client.execute(uri: Self.uri + "/publish", method: .post, headers: fixture.headers(.producer))
            let timeline = try await client.execute(uri: "/api/channels/news/timeline?from=2026-03-02", method: .get, headers: fixture.headers(.viewer))
            let previewed = try JSONSerialization.data(withJSONObject: preview.json["timeline"] ?? [:], options: .sortedKeys)
            let published = try JSONSerialization.data(withJSONObject: timeline.json, options: .sortedKeys)
            #expect(previewed == published)
        }
    }

    @Test func draftsThatCannotBeResolvedAndWrongRolesAndChannels() async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client throws in
            let garbage = try await client.execute(uri: Self.uri + "/preview", method: .post, headers: fixture.headers(.producer), body: .init(string: "{"))
            #expect(garbage.status == .ok && garbage.json["timeline"] == nil)
            #expect((garbage.json["issues"] as? [[String: Any]])?.first?["path"] as? String == "$")
            let otherDay = try await client.execute(uri: Self.uri + "/preview", method: .post, headers: fixture.headers(.producer), body: ServerFixture.rundown("x", date: "2026-03-03"))
            #expect((otherDay.json["issues"] as? [[String: Any]])?.map { $0["path"] as? String } == ["date"])
            #expect((((otherDay.json["timeline"] as? [String: Any])?["entries"] as? [[String: Any]])?.first?["start"] as? String)?.hasPrefix("2026-03-02T00:00:00") == true)
            let viewer = try await client.execute(uri: Self.uri + "/preview", method: .post, headers: fixture.headers(.viewer), body: ServerFixture.rundown("x"))
            #expect(viewer.status == .forbidden)
            let nowhere = try await client.execute(uri: "/api/channels/nowhere/rundowns/2026-03-02/preview", method: .post, headers: fixture.headers(.producer), body: ServerFixture.rundown("x"))
            #expect(nowhere.status == .notFound)
        }
    }
}
