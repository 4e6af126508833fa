import Foundation
import TestSupport
import Testing

/// A data folder for `sretv --data`, with a channel in it.
private struct DataFolder {
    let folder: TemporaryDirectory
    var path: String { folder.url.path }

    init() throws {
        folder = try TemporaryDirectory("sretv-data")
        #expect(try run("channel", "add", "sretv-demo", "--name", "SREtv Demo").status == 0)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> ProcessResult {
        try SREtvBinary.run(arguments + ["--data", path])
    }

    /// A rundown of `items` 30-second items for 2026-12-02, written to a file.
    func rundown(items: Int, name: String) throws -> String {
        let list = (0..<items).map { index in
            #"{"id": "i\#(index)", "title": "Item \#(index)", "duration": 30, "description": "\#(String(repeating: "x", count: 100))", "source": {"kind": "production", "uri": "clips/c\#(index % 50).mp4"}}"#
        }
        let file = folder.path(name)
        try #"{"channel": "sretv-demo", "date": "2026-12-02", "items": [\#(list.joined(separator: ","))]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

@Test func importSavesDraftsAndPublishChoosesTheVersionThatAirs() throws {
    let data = try DataFolder()
    let demo = SREtvBinary.repositoryRoot.appendingPathComponent("Playlists/demo.json").path
    #expect(try data.run("rundown", "import", demo).stdout.contains("draft version 1"))
    #expect(try data.run("rundown", "import", demo, "--base-version", "1").stdout.contains("draft version 2"))
    #expect(try data.run("rundown", "publish", "sretv-demo", "2026-12-01", "--version", "1").status == 0)
    let shown = try data.run("rundown", "show", "sretv-demo", "2026-12-01")
    #expect(shown.stderr.contains("version 2"))
    #expect(shown.stderr.contains("draft"))
    #expect(try data.run("rundown", "show", "sretv-demo", "2026-12-01", "--version", "1").stderr.contains("published"))
}

@Test func importOnAStaleVersionIsRefusedWithWhoChangedItAndNothingIsLost() throws {
    let data = try DataFolder()
    let demo = SREtvBinary.repositoryRoot.appendingPathComponent("Playlists/demo.json").path
    try data.run("rundown", "import", demo, "--actor", "ana")
    try data.run("rundown", "import", demo, "--base-version", "1", "--actor", "luis")
    let stale = try data.run("rundown", "import", demo, "--base-version", "1", "--actor", "ana")
    #expect(stale.status == 1)
    #expect(stale.stderr.contains("version 2 by luis"))
    #expect(try data.run("rundown", "show", "sretv-demo", "2026-12-01", "--version", "1").status == 0)
    #expect(try data.run("rundown", "show", "sretv-demo", "2026-12-01").stderr.contains("version 2 saved by luis"))
}

@Test func invalidRundownIsNotStored() throws {
    let data = try DataFolder()
    let folder = try TemporaryDirectory()
    let broken = folder.path("broken.json")
    try #"{"channel": "sretv-demo", "date": "2026-12-01", "items": [{"id": "a", "title": "A", "start": "24:00:00", "source": {"kind": "production", "uri": "a.mp4"}}]}"#
        .write(toFile: broken, atomically: true, encoding: .utf8)
    let result = try data.run("rundown", "import", broken)
    #expect(result.status == 1)
    #expect(result.stderr.contains("items[0].start: "))
    #expect(try data.run("rundown", "show", "sretv-demo", "2026-12-01").stderr.contains("no rundown"))
}

@Test func killingAnImportLeavesThePublishedVersionIntactAndTheDatabaseConsistent() throws {
    let data = try DataFolder()
    let small = try data.rundown(items: 10, name: "small.json")
    let large = try data.rundown(items: 20_000, name: "large.json")
    try data.run("rundown", "import", small)
    try data.run("rundown", "publish", "sretv-demo", "2026-12-02")
    let published = try data.run("rundown", "show", "sretv-demo", "2026-12-02", "--version", "1").stdout
    var latest = 1
    // Kill imports at spread-out moments: while parsing, validating and writing the version.
    for delay in stride(from: 0.2, through: 2.6, by: 0.4) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SREtvBinary.path)
        process.arguments = ["rundown", "import", large, "--base-version", "\(latest)", "--data", data.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.start()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        #expect(try data.run("db", "check").stdout == "ok\n")
        #expect(try data.run("rundown", "show", "sretv-demo", "2026-12-02", "--version", "1").stdout == published)
        let shown = try data.run("rundown", "show", "sretv-demo", "2026-12-02")
        let version = try #require(shown.stderr.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        // The import either happened completely or not at all.
        #expect(version == latest || version == latest + 1)
        if version > latest {
            #expect(shown.stdout.contains("\"id\" : \"i19999\""))
        }
        latest = version
    }
}

@Test func backupIsAConsistentCopyOfTheLiveDatabase() throws {
    let data = try DataFolder()
    let demo = SREtvBinary.repositoryRoot.appendingPathComponent("Playlists/demo.json").path
    try data.run("rundown", "import", demo)
    let folder = try TemporaryDirectory()
    let backup = folder.path("backup.sqlite")
    #expect(try data.run("db", "backup", backup).status == 0)
    let restored = try TemporaryDirectory()
    try FileManager.default.copyItem(atPath: backup, toPath: restored.path("sretv.sqlite"))
    #expect(try SREtvBinary.run(["db", "check", "--data", restored.url.path]).stdout == "ok\n")
    #expect(try SREtvBinary.run(["rundown", "show", "sretv-demo", "2026-12-01", "--data", restored.url.path]).status == 0)
    #expect(try data.run("db", "backup", backup).status == 1)
}

@Test func userAddPrintsATokenOnceAndStoresOnlyItsHash() throws {
    let data = try DataFolder()
    let added = try data.run("user", "add", "ana", "--role", "producer")
    #expect(added.status == 0)
    let token = try #require(added.stdout.split(separator: "\n").last.map(String.init))
    #expect(token.count >= 40)
    #expect(try data.run("user", "list").stdout == "ana\tproducer\n")
    // The database (and its write-ahead log) holds the token's hash, never the token.
    for file in try FileManager.default.contentsOfDirectory(atPath: data.path) where file.hasPrefix("sretv.sqlite") {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: data.path).appendingPathComponent(file))
        #expect(bytes.range(of: Data(token.utf8)) == nil, "\(file)")
    }
    #expect(try data.run("user", "add", "bob", "--role", "superuser").status != 0)
}
