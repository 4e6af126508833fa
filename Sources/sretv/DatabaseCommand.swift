import ArgumentParser
import Store

/// `sretv db backup|check`.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Back up and check the database.",
        subcommands: [Backup.self, Check.self]
    )

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the live database to FILE with SQLite's online backup API (safe while sretv runs)."
        )

        @Argument(help: "The backup file to create (must not exist).")
        var file: String

        @OptionGroup var data: DataOptions

        func run() throws {
            do { try data.open().backup(to: file) } catch { throw CLIError("backup to \(file) failed: \(error)") }
            print("backed up \(data.databasePath) to \(file)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run PRAGMA integrity_check; exit 1 unless it says ok.")

        @OptionGroup var data: DataOptions

        func run() throws {
            let result: String
            do { result = try data.open().integrityCheck() } catch { throw CLIError("cannot check: \(error)") }
            print(result)
            guard result == "ok" else { throw ExitCode(1) }
        }
    }
}
