import Foundation
import GRDB

/// SREtv's database: channels, rundown versions and their publication, audit and as-run logs,
/// recurring blocks. Every method that changes state runs in one write transaction and writes
/// its audit row in that same transaction.
public struct AppDatabase: Sendable {
    /// The connection (a pool on disk, a queue in memory); internal so tests can read pragmas.
    let writer: any DatabaseWriter

    /// Wraps `writer` and brings its schema up to date.
    init(_ writer: any DatabaseWriter) throws(StoreError) {
        self.writer = writer
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(error)
        }
    }

    /// Opens (creating it and its folder if needed) the database file at `path`, in WAL mode
    /// with foreign keys on, a busy timeout and `synchronous=FULL` (rule S5).
    public static func open(at path: String) throws(StoreError) -> AppDatabase {
        let pool: DatabasePool
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            // The pool turns WAL on after preparing its writer and sets synchronous=NORMAL
            // then, so durability is raised here, on the one connection that writes.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError(error)
        }
        return try AppDatabase(pool)
    }

    /// A fresh database in memory with the same schema and settings (no WAL: nothing to share).
    public static func inMemory() throws(StoreError) -> AppDatabase {
        do {
            return try AppDatabase(DatabaseQueue(configuration: configuration))
        } catch {
            throw StoreError(error)
        }
    }

    /// Seconds a connection waits for another one's write lock before giving up.
    static let busyTimeout: TimeInterval = 5

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }

    /// The current time as the database stores it (to the millisecond), so a value a method
    /// returns equals the same value read back later.
    static func now() -> Date {
        Date.fromDatabaseValue(Date().databaseValue) ?? Date()
    }

    /// Runs `updates` in one (immediate) write transaction, turning every failure into a `StoreError`.
    func write<T>(_ updates: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(updates)
        } catch {
            throw StoreError(error)
        }
    }

    /// Runs `value` on a consistent snapshot, turning every failure into a `StoreError`.
    func read<T>(_ value: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(value)
        } catch {
            throw StoreError(error)
        }
    }
}
