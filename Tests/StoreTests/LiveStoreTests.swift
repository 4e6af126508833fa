import Foundation
import GRDB
import Scheduling
@testable import Store
import TestSupport
import Testing

/// Live sources, breakouts and what they do to the stored schedule (issue 7).
struct LiveStoreTests {
    let fixture: StoreFixture
    var database: AppDatabase { fixture.database }

    init() throws {
        fixture = try StoreFixture()
    }

    /// Local midnight of the fixture day in Mexico City (UTC-6).
    private static let midnight = ISO8601DateFormatter().date(from: "\(StoreFixture.day)T06:00:00Z")!

    /// `time` (HH:MM:SS, seconds may have a fraction) on the fixture day in Mexico City.
    private func local(_ time: String) -> Date {
        let fields = time.split(separator: ":").compactMap { Double($0) }
        return Self.midnight.addingTimeInterval(fields[0] * 3600 + fields[1] * 60 + fields[2])
    }

    private func actions(_ channel: String = StoreFixture.channel) throws -> [AuditEntry.Action] {
        try database.auditEntries(channel: channel).map(\.action).reversed()
    }

    @Test func liveSourcesAreSavedChangedListedAndDeletedWithAnAuditRowEach() throws {
        let studio = try database.saveLiveSource(channel: "news", name: "studio", url: "srt://0.0.0.0:9000?mode=listener", actor: "olga")
        try database.saveLiveSource(channel: "news", name: "canal-once", url: "https://live.canalonce.example/index.m3u8", actor: "olga")
        let moved = try database.saveLiveSource(channel: "news", name: "studio", url: "udp://239.1.1.1:1234", actor: "olga")

        #expect(moved.createdAt == studio.createdAt && moved.url == "udp://239.1.1.1:1234")
        #expect(try database.liveSources(channel: "news").map(\.name) == ["canal-once", "studio"])
        #expect(try database.liveSource(channel: "news", name: "studio") == moved)
        try database.deleteLiveSource(channel: "news", name: "canal-once", actor: "olga")
        #expect(try database.liveSources(channel: "news") == [moved])
        #expect(try actions().suffix(4) == [.liveSourceSave, .liveSourceSave, .liveSourceSave, .liveSourceDelete])
        #expect(try database.auditEntries(channel: "news", limit: 2).map(\.detail) == [
            "live source canal-once removed (was https://live.canalonce.example/index.m3u8)",
            "live source studio: srt://0.0.0.0:9000?mode=listener → udp://239.1.1.1:1234",
        ])
    }

    @Test(arguments: [
        ("Studio A", "srt://studio.example:9000", "source.name"),
        ("", "srt://studio.example:9000", "source.name"),
        ("studio", "file:///etc/passwd", "source.url"),
        ("studio", "concat:a.ts|b.ts", "source.url"),
        ("studio", "http://169.254.169.254/latest", "source.url"),
        ("studio", "studio-b", "source.url"),
    ])
    func aBadSourceNameOrURLIsRefusedWithTheField(name: String, url: String, field: String) throws {
        let error = storeError { try database.saveLiveSource(channel: "news", name: name, url: url, actor: "olga") }
        guard case .invalid(let refused, _) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(refused == field)
        #expect(try database.liveSources(channel: "news").isEmpty)
    }

    @Test func sourcesOfAnUnknownChannelOrNameAreNotFound() {
        #expect(storeError { try database.saveLiveSource(channel: "ghost", name: "studio", url: "srt://s.example:9000", actor: "olga") } == .notFound(.channel("ghost")))
        #expect(storeError { try database.liveSources(channel: "ghost") } == .notFound(.channel("ghost")))
        #expect(storeError { try database.deleteLiveSource(channel: "news", name: "studio", actor: "olga") } == .notFound(.liveSource(channel: "news", name: "studio")))
    }

    @Test func aChannelHasAtMostOneOpenBreakout() throws {
        try database.createChannel(id: "culture", name: "Cultura", timeZone: "America/Mexico_City", actor: "admin")
        let first = try database.startBreakout(channel: "news", source: "studio", url: "srt://studio.example:9000", title: "Conferencia", mode: .shift, at: local("10:05:00"), actor: "olga")
        #expect(first.isOpen && first.title == "Conferencia" && first.mode == .shift && first.createdBy == "olga")
        #expect(try database.openBreakout(channel: "news") == first)

        let second = storeError { try database.startBreakout(channel: "news", source: "canal-once", url: "https://live.example/a.m3u8", mode: .rejoin, at: local("10:06:00"), actor: "pablo") }
        #expect(second?.code == "wrong-state")
        #expect(second?.description.contains("breakout \(first.id) (studio) is on air on news") == true)
        // The database holds the rule too, whatever the code above it does.
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO breakout (channelId, source, url, mode, startedAt, createdBy, createdAt) VALUES ('news', 'x', 'srt://x.example:1', 'rejoin', '2026-03-02 16:06:00.000', 'x', '2026-03-02 16:06:00.000')")
            }
        }
        // Another channel takes its own breakout.
        #expect(try database.startBreakout(channel: "culture", source: "studio", url: "srt://studio.example:9000", mode: .rejoin, at: local("10:06:00"), actor: "pablo").isOpen)

        let ended = try database.endBreakout(channel: "news", at: local("10:20:00"), actor: "olga")
        #expect(ended.id == first.id && ended.endedAt == local("10:20:00") && !ended.isOpen)
        #expect(try database.openBreakout(channel: "news") == nil)
        #expect(storeError { try database.endBreakout(channel: "news", at: local("10:21:00"), actor: "olga") } == .wrongState("no breakout is on air on news; there is nothing to return"))
        #expect(try database.startBreakout(channel: "news", source: "studio", url: "srt://studio.example:9000", mode: .rejoin, at: local("10:30:00"), actor: "olga").isOpen)
        #expect(try database.breakouts(channel: "news", from: local("10:00:00"), to: local("10:10:00")).map(\.id) == [first.id])
        #expect(try database.breakouts(channel: "news", from: local("10:20:00"), to: local("23:00:00")).count == 1)

        #expect(try actions().suffix(3) == [.breakoutStart, .breakoutEnd, .breakoutStart])
        #expect(try database.auditEntries(channel: "news", limit: 3).last?.detail == "breakout \(first.id) \"Conferencia\" from studio (srt://studio.example:9000), return shift")
        #expect(try database.auditEntries(channel: "news", limit: 2).last?.detail == "breakout \(first.id) from studio returned after 900 s (shift)")
    }

    @Test func aBreakoutIsRefusedForAnUnknownChannelABadURLOrAnEndBeforeItsStart() {
        let url = "srt://studio.example:9000"
        #expect(storeError { try database.startBreakout(channel: "ghost", source: "studio", url: url, mode: .rejoin, at: local("10:00:00"), actor: "olga") } == .notFound(.channel("ghost")))
        #expect(storeError { try database.endBreakout(channel: "ghost", at: local("10:00:00"), actor: "olga") } == .notFound(.channel("ghost")))
        #expect(storeError { try database.startBreakout(channel: "news", source: "studio", url: "file:///etc/passwd", mode: .rejoin, at: local("10:00:00"), actor: "olga") }?.code == "invalid")
        #expect(storeError { try database.startBreakout(channel: "news", source: "studio", url: url, mode: .rejoin, at: local("10:00:00"), plannedEnd: local("09:00:00"), actor: "olga") }?.code == "invalid")
        #expect(storeError { try database.startBreakout(channel: "news", source: "studio", url: url, mode: .rejoin, at: local("10:00:00"), actor: " ") }?.code == "invalid")
    }

    @Test func playoutRecordsTheExactSwitchTime() throws {
        let taken = try database.startBreakout(channel: "news", source: "studio", url: "srt://studio.example:9000", mode: .rejoin, at: local("10:00:00"), plannedEnd: local("10:30:00"), actor: "olga")
        let switched = try database.setBreakoutStart(id: taken.id, at: local("10:00:01.5"))
        #expect(switched.startedAt == local("10:00:01.5"))
        #expect(try database.openBreakout(channel: "news")?.startedAt == local("10:00:01.5"))
        #expect(storeError { try database.setBreakoutStart(id: taken.id + 1, at: local("10:00:00")) } == .notFound(.breakout(taken.id + 1)))
        #expect(storeError { try database.setBreakoutStart(id: taken.id, at: local("10:30:00")) }?.code == "invalid")
    }

    @Test func anOpenBreakoutEndsAtItsPlannedEndWhileAheadElseNow() throws {
        let planned = try database.startBreakout(channel: "news", source: "studio", url: "srt://studio.example:9000", mode: .shift, at: local("10:00:00"), plannedEnd: local("10:30:00"), actor: "olga")
        #expect(planned.breakout(at: local("10:10:00")).end == local("10:30:00"))
        #expect(planned.breakout(at: local("10:40:00")).end == local("10:40:00"))
        #expect(planned.breakout(at: local("09:00:00")).end == local("10:30:00"))
        var open = planned
        open.plannedEnd = nil
        #expect(open.breakout(at: local("09:00:00")).end == local("10:00:00"))
        #expect(open.breakout(at: local("10:10:00")) == Breakout(id: planned.id, title: "", source: "studio", start: local("10:00:00"), end: local("10:10:00"), mode: .shift))
    }

    @Test func theScheduleCarriesTheBreakoutAndTheResolvedTimelineShiftsAtOnce() throws {
        let items = [
            RundownItem(id: "a", title: "A", source: RundownSource(kind: .production, uri: "news/a.mp4"), start: LocalTime("10:00:00"), duration: 600),
            RundownItem(id: "b", title: "B", source: RundownSource(kind: .production, uri: "news/b.mp4"), duration: 300),
            RundownItem(id: "c", title: "C", source: RundownSource(kind: .production, uri: "news/c.mp4"), start: LocalTime("11:00:00"), duration: 600),
        ]
        try database.saveRundown(Rundown(channel: "news", date: StoreFixture.day, items: items), baseVersion: nil, actor: "ana")
        try database.publish(channel: "news", date: StoreFixture.day, actor: "chief")
        let media = { (_: String) in MediaAvailability.available(MediaFacts(duration: Ticks(3600 * Ticks.perSecond), keyframes: [])) }
        func timeline(now: Date) throws -> Timeline {
            let schedule = try database.schedule(channel: "news", from: StoreFixture.day, through: StoreFixture.day, now: now)
            return ScheduleResolver.resolve(schedule, from: StoreFixture.day, through: StoreFixture.day, media: media, liveAllowed: true)
        }
        func start(_ id: String, in timeline: Timeline) -> Date? {
            timeline.entries.first { $0.itemID == id }.map { timeline.date(at: $0.offset) }
        }
        #expect(try timeline(now: local("10:00:00")).entries.allSatisfy { $0.breakoutID == nil })

        let breakout = try database.startBreakout(channel: "news", source: "studio", url: "srt://studio.example:9000", mode: .shift, at: local("10:05:00"), actor: "olga")
        // Two minutes into the breakout, the timeline has b two minutes later; c keeps its hard start.
        let during = try timeline(now: local("10:07:00"))
        #expect(try database.schedule(channel: "news", from: StoreFixture.day, through: StoreFixture.day, now: local("10:07:00")).breakouts.map(\.end) == [local("10:07:00")])
        let live = try #require(during.entries.first { $0.breakoutID == breakout.id })
        #expect(during.date(at: live.offset) == local("10:05:00") && live.duration == Ticks(120 * Ticks.perSecond))
        #expect(live.playback == .live(uri: "studio") && live.title == "Live: studio")
        #expect(start("b", in: during) == local("10:12:00"))
        #expect(start("c", in: during) == local("11:00:00"))
        #expect(during.interruptions.map(\.kind) == [.cut, .resumed])

        try database.endBreakout(channel: "news", at: local("10:15:00"), actor: "olga")
        let after = try timeline(now: local("12:00:00"))
        #expect(start("b", in: after) == local("10:20:00"))
        #expect(start("c", in: after) == local("11:00:00"))
        // A breakout on another day stays out of this one.
        #expect(try database.schedule(channel: "news", from: StoreFixture.day.adding(days: 3), through: StoreFixture.day.adding(days: 3)).breakouts.isEmpty)
    }

    @Test func asRunTakesTheLiveAndSkippedOutcomes() throws {
        let at = local("10:05:00")
        for outcome in [AsRunEntry.Outcome.live, .skipped] {
            try database.recordAsRun(AsRunEntry(
                channel: "news", date: StoreFixture.day, itemId: "b", title: "B", plannedStart: at,
                actualStart: at, actualEnd: outcome == .live ? at.addingTimeInterval(60) : at, outcome: outcome, note: "breakout 1"
            ))
        }
        #expect(try database.asRun(channel: "news", date: StoreFixture.day).map(\.outcome) == [.live, .skipped])
    }

    @Test func migratingAVersion4DatabaseKeepsItsDataAndAcceptsTheNewOutcomes() throws {
        let folder = try TemporaryDirectory("sretv-migration")
        let path = folder.path("old.sqlite")
        do {
            let old = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(old, upTo: "v4-media-library")
            try old.write { db in
                try db.execute(sql: "INSERT INTO channel (id, name, timeZone, createdAt) VALUES ('news', 'Noticias', 'America/Mexico_City', '2026-03-01 12:00:00.000')")
                try db.execute(sql: """
                    INSERT INTO asRun (channelId, date, itemId, title, plannedStart, actualStart, actualEnd, outcome, note)
                    VALUES ('news', '2026-03-02', 'a', 'A', '2026-03-02 16:00:00.000', '2026-03-02 16:00:00.000', '2026-03-02 16:10:00.000', 'interrupted', 'feed lost')
                    """)
            }
            #expect(throws: DatabaseError.self) {
                try old.write { db in
                    try db.execute(sql: "INSERT INTO asRun (channelId, date, itemId, title, plannedStart, actualStart, actualEnd, outcome) VALUES ('news', '2026-03-02', 'b', 'B', '2026-03-02 16:10:00.000', '2026-03-02 16:10:00.000', '2026-03-02 16:10:00.000', 'skipped')")
                }
            }
            try old.close()
        }
        let database = try AppDatabase.open(at: path)
        let kept = try database.asRun(channel: "news", date: StoreFixture.day)
        #expect(kept.map { "\($0.itemId) \($0.outcome) \($0.note ?? "")" } == ["a interrupted feed lost"])
        #expect(try database.channels().map(\.name) == ["Noticias"])
        let at = local("10:10:00")
        try database.recordAsRun(AsRunEntry(channel: "news", date: StoreFixture.day, itemId: "b", title: "B", plannedStart: at, actualStart: at, actualEnd: at, outcome: .skipped))
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "UPDATE asRun SET outcome = 'lost' WHERE itemId = 'b'")
            }
        }
        let indexes = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'asRun' AND name NOT LIKE 'sqlite_%'") }
        #expect(indexes == ["asRunByDay"])
        #expect(try database.integrityCheck() == "ok")
    }
}
