import ArgumentParser
import Foundation
import Store

/// Where a command finds SREtv's data: `--data DIR`, else `$SRETV_DATA`, else `./sretv-data`.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "Data folder holding sretv.sqlite (default: $SRETV_DATA or ./sretv-data).")
    var folder: String?

    /// The data folder in effect.
    var directory: String { folder ?? ProcessInfo.processInfo.environment["SRETV_DATA"] ?? "./sretv-data" }

    /// The default media root: `media` inside the data folder.
    var mediaDirectory: String { URL(fileURLWithPath: directory).appendingPathComponent("media").path }

    /// The database file inside the data folder.
    var databasePath: String { Self.databasePath(in: directory) }

    /// The database file inside data folder `directory`.
    static func databasePath(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("sretv.sqlite").path
    }

    /// Opens (creating if needed) the database.
    func open() throws -> AppDatabase {
        do {
            return try AppDatabase.open(at: databasePath)
        } catch {
            throw CLIError("cannot open the database \(databasePath): \(error)")
        }
    }
}

/// Who a change is recorded as in the audit log: `--actor`, else `$USER`, else `cli`.
struct ActorOption: ParsableArguments {
    @Option(help: "Name recorded in the audit log for this change (default: $USER).")
    var actor: String?

    var name: String { actor ?? ProcessInfo.processInfo.environment["USER"] ?? "cli" }
}
