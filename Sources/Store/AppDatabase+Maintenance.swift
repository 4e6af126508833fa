import Foundation
import GRDB

extension AppDatabase {
    /// Copies the database to a new file at `path` with SQLite's online backup API, a consistent
    /// snapshot even while others write. Refuses to overwrite an existing file.
    public func backup(to path: String) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .invalid(field: "backup path", reason: "\(path) already exists; expected a path for a new file")
        }
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try writer.backup(to: DatabaseQueue(path: path))
        } catch {
            throw StoreError(error)
        }
    }

    /// The result of `PRAGMA integrity_check`: `ok`, or one problem per line.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
    }
}
