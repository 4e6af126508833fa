import Foundation
import Scheduling
import Store
import Testing

struct ConcurrentSaveTests {
    /// Starts `count` saves of the same day from base version 1 at once, spread over `databases`;
    /// returns the versions that won and the errors of the rest.
    private func raceSaves(count: Int, over databases: [AppDatabase]) async -> (won: [Int], lost: [StoreError]) {
        await withTaskGroup(of: Result<Int, StoreError>.self) { group in
            for index in 0..<count {
                let database = databases[index % databases.count]
                group.addTask {
                    Result { () throws(StoreError) -> Int in
                        try database.saveRundown(StoreFixture.rundown("Edit \(index)"), baseVersion: 1, actor: "editor-\(index)")
                    }
                }
            }
            var won: [Int] = []
            var lost: [StoreError] = []
            for await result in group {
                switch result {
                case .success(let version): won.append(version)
                case .failure(let error): lost.append(error)
                }
            }
            return (won, lost)
        }
    }

    private func expectOneWinner(_ race: (won: [Int], lost: [StoreError]), count: Int, in database: AppDatabase) throws {
        #expect(race.won == [2])
        #expect(race.lost.count == count - 1)
        #expect(race.lost.allSatisfy { $0.code == "conflict" })
        let latest = try #require(try database.latestRundown(channel: "news", date: StoreFixture.day))
        #expect(latest.version == 2)
        // Versions stay contiguous: 1 and 2, nothing after.
        #expect(try database.rundownVersion(channel: "news", date: StoreFixture.day, version: 1) != nil)
        #expect(try database.auditEntries(channel: "news").filter { $0.action == .rundownSave }.map(\.newVersion) == [2, 1])
        #expect(try database.integrityCheck() == "ok")
    }

    @Test func concurrentSavesFromTheSameBaseLetExactlyOneWin() async throws {
        let fixture = try StoreFixture()
        try fixture.database.saveRundown(StoreFixture.rundown("Base"), baseVersion: nil, actor: "ana")
        let race = await raceSaves(count: 10, over: [fixture.database])
        try expectOneWinner(race, count: 10, in: fixture.database)
    }

    @Test func concurrentSavesThroughSeparateConnectionsToOneFileLetExactlyOneWin() async throws {
        let fixture = try StoreFixture()
        try fixture.database.saveRundown(StoreFixture.rundown("Base"), baseVersion: nil, actor: "ana")
        // Like the server and a CLI run at the same time: separate pools on one file.
        let other = try AppDatabase.open(at: fixture.path)
        let race = await raceSaves(count: 10, over: [fixture.database, other])
        try expectOneWinner(race, count: 10, in: other)
    }
}
