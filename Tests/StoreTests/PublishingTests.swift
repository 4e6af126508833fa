import Foundation
import Scheduling
import Store
import Testing

struct PublishingTests {
    let fixture: StoreFixture
    var database: AppDatabase { fixture.database }
    let day = StoreFixture.day

    init() throws {
        fixture = try StoreFixture()
    }

    @Test func onlyPublishedRundownsAir() throws {
        try database.saveRundown(StoreFixture.rundown("First"), baseVersion: nil, actor: "ana")
        #expect(try database.publishedRundown(channel: "news", date: day) == nil)

        #expect(try database.publish(channel: "news", date: day, actor: "chief") == 1)
        try database.saveRundown(StoreFixture.rundown("Draft"), baseVersion: 1, actor: "ana")

        let airing = try #require(try database.publishedRundown(channel: "news", date: day))
        #expect(airing.version == 1)
        #expect(airing.rundown.items.first?.title == "First")
        #expect(airing.isPublished)
        #expect(try database.latestRundown(channel: "news", date: day)?.isPublished == false)

        #expect(try database.publish(channel: "news", date: day, actor: "chief") == 2)
        #expect(try database.publishedRundown(channel: "news", date: day)?.rundown.items.first?.title == "Draft")
        #expect(try database.rundownVersion(channel: "news", date: day, version: 1)?.isPublished == false)
    }

    @Test func publishingAnOlderVersionRollsBackAndIsAudited() throws {
        try database.saveRundown(StoreFixture.rundown("First"), baseVersion: nil, actor: "ana")
        try database.saveRundown(StoreFixture.rundown("Second"), baseVersion: 1, actor: "ana")
        try database.publish(channel: "news", date: day, actor: "chief")
        try database.publish(channel: "news", date: day, version: 1, actor: "deputy")

        #expect(try database.publishedRundown(channel: "news", date: day)?.version == 1)
        let publications = try database.auditEntries(channel: "news").filter { $0.action == .rundownPublish }
        #expect(publications.map(\.actor) == ["deputy", "chief"])
        #expect(publications.map(\.oldVersion) == [2, nil])
        #expect(publications.map(\.newVersion) == [1, 2])
    }

    @Test func publishingAnUnknownVersionIsNotFound() throws {
        let nothingSaved = storeError { try database.publish(channel: "news", date: day, actor: "chief") }
        #expect(nothingSaved == .notFound(.rundown(channel: "news", date: day)))

        try database.saveRundown(StoreFixture.rundown("First"), baseVersion: nil, actor: "ana")
        let unknown = storeError { try database.publish(channel: "news", date: day, version: 2, actor: "chief") }
        #expect(unknown == .notFound(.rundownVersion(channel: "news", date: day, version: 2)))
        #expect(unknown?.code == "not-found")
        #expect(try database.publishedRundown(channel: "news", date: day) == nil)
        #expect(try database.auditEntries(channel: "news").contains { $0.action == .rundownPublish } == false)
    }

    @Test func publishedRundownsOfARangeLeaveOutDaysWithOnlyDrafts() throws {
        for offset in 0..<4 {
            try database.saveRundown(StoreFixture.rundown("Day \(offset)", date: day.adding(days: offset)), baseVersion: nil, actor: "ana")
        }
        for offset in [0, 1, 3] {
            try database.publish(channel: "news", date: day.adding(days: offset), actor: "chief")
        }
        let range = try database.publishedRundowns(channel: "news", from: day, to: day.adding(days: 2))
        #expect(range.map(\.rundown.date) == [day, day.adding(days: 1)])
        #expect(range.map(\.rundown.items.first?.title) == ["Day 0", "Day 1"])
        #expect(try database.publishedRundowns(channel: "news", from: day.adding(days: 2), to: day.adding(days: 9)).map(\.rundown.date) == [day.adding(days: 3)])
    }
}
