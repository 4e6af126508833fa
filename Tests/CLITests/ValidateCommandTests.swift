import Foundation
import TestSupport
import Testing

/// A valid one-item rundown, as JSON text, with `replacing` applied to break it on purpose.
private func rundown(_ replacing: (String, String)? = nil) -> String {
    let text = """
        {"channel": "sretv-test", "date": "2026-12-01", "timezone": "America/Mexico_City",
         "items": [
           {"id": "a", "title": "First", "start": "08:00:00", "source": {"kind": "production", "uri": "a.mp4"}},
           {"id": "b", "title": "Second", "in": 2, "out": 9, "source": {"kind": "production", "uri": "b.mp4"}}
         ]}
        """
    guard let (old, new) = replacing else { return text }
    return text.replacingOccurrences(of: old, with: new)
}

private func validate(_ text: String, mediaRoot: String? = nil) throws -> ProcessResult {
    let folder = try TemporaryDirectory()
    let file = folder.path("rundown.json")
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return try SREtvBinary.run(["validate", file] + (mediaRoot.map { ["--media-root", $0] } ?? []))
}

@Test func validateAcceptsEveryExampleRundown() throws {
    let playlists = SREtvBinary.repositoryRoot.appendingPathComponent("Playlists")
    let files = try FileManager.default.contentsOfDirectory(atPath: playlists.path).filter { $0.hasSuffix(".json") }
    #expect(files.count >= 3)
    for file in files {
        let result = try SREtvBinary.run(["validate", playlists.appendingPathComponent(file).path])
        #expect(result.status == 0, "\(file): \(result.stderr)")
    }
}

@Test(arguments: [
    (("\"08:00:00\"", "\"25:00:00\""), "items[0].start"),
    (("\"id\": \"b\"", "\"id\": \"a\""), "items[1].id"),
    (("\"kind\": \"production\", \"uri\": \"a.mp4\"", "\"kind\": \"podcast\", \"uri\": \"a.mp4\""), "items[0].source.kind"),
    ((", \"source\": {\"kind\": \"production\", \"uri\": \"a.mp4\"}", ""), "items[0].source"),
    (("\"out\": 9", "\"out\": 2"), "items[1].out"),
    (("America/Mexico_City", "America/Atlantis"), "timezone"),
    (("{\"channel\"", "{channel"), "$"),
])
func validateRejectsABrokenRundownWithItsPathAndReason(change: (String, String), path: String) throws {
    let result = try validate(rundown(change))
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("\(path): ") && $0.count > path.count + 10 }, "\(result.stderr)")
}

@Test func validateWithMediaRootReportsMissingMediaAtItsSourcePath() throws {
    let media = try TemporaryDirectory()
    #expect(try SREtvBinary.run(["test-clip", media.path("a.mp4"), "--format", "160x90@25", "--seconds", "1"]).status == 0)
    let result = try validate(rundown(), mediaRoot: media.url.path)
    #expect(result.status == 1)
    #expect(result.stderr.contains("items[1].source.uri: "))
    #expect(!result.stderr.contains("items[0].source.uri"))
    #expect(try validate(rundown(("b.mp4", "a.mp4")), mediaRoot: media.url.path).status == 0)
}
