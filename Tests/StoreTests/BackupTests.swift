import Foundation
import Scheduling
import Store
import Testing

struct BackupTests {
    /// Everything a reader of the rundowns and logs sees, to compare two databases.
    private func contents(of database: AppDatabase) throws -> [String] {
        var lines = try database.channels().map { "channel \($0)" }
        var version = 1
        while let saved = try database.rundownVersion(channel: "news", date: StoreFixture.day, version: version) {
            lines.append("version \(saved)")
            version += 1
        }
        lines += try database.auditEntries(limit: 10_000).map { "audit \($0)" }
        return lines
    }

    @Test func backupOpensCleanAndHoldsTheSameRows() throws {
        let fixture = try StoreFixture()
        for version in 1...3 {
            try fixture.database.saveRundown(StoreFixture.rundown("V\(version)"), baseVersion: version == 1 ? nil : version - 1, actor: "ana")
        }
        try fixture.database.publish(channel: "news", date: StoreFixture.day, version: 2, actor: "chief")
        let path = fixture.folder.path("backups/copy.sqlite")

        try fixture.database.backup(to: path)

        let copy = try AppDatabase.open(at: path)
        #expect(try copy.integrityCheck() == "ok")
        #expect(try contents(of: copy) == contents(of: fixture.database))
        #expect(try copy.publishedRundown(channel: "news", date: StoreFixture.day)?.version == 2)
        #expect(try contents(of: copy).count == 1 + 3 + 5)
    }

    @Test func backupWhileWritingIsAConsistentSnapshot() async throws {
        let fixture = try StoreFixture()
        try fixture.database.saveRundown(StoreFixture.rundown("V1"), baseVersion: nil, actor: "ana")
        let database = fixture.database
        let writes = Task {
            for base in 1...40 {
                try database.saveRundown(StoreFixture.rundown("V\(base + 1)"), baseVersion: base, actor: "ana")
            }
        }
        let path = fixture.folder.path("copy.sqlite")
        try database.backup(to: path)
        try await writes.value

        let copy = try AppDatabase.open(at: path)
        #expect(try copy.integrityCheck() == "ok")
        let copied = try contents(of: copy)
        let source = try contents(of: database)
        // The copy is the source as it was at one moment: every copied version is the source's,
        // and the audit holds exactly one save per copied version.
        let copiedVersions = copied.filter { $0.hasPrefix("version ") }
        #expect(!copiedVersions.isEmpty)
        #expect(copiedVersions == Array(source.filter { $0.hasPrefix("version ") }.prefix(copiedVersions.count)))
        #expect(copied.filter { $0.hasPrefix("audit ") }.count == copiedVersions.count + 1)
        #expect(try database.latestRundown(channel: "news", date: StoreFixture.day)?.version == 41)
    }

    @Test func backupRefusesToOverwriteAFile() throws {
        let fixture = try StoreFixture()
        let error = storeError { try fixture.database.backup(to: fixture.path) }
        #expect(error?.code == "invalid")
        #expect(try fixture.database.integrityCheck() == "ok")
    }
}
