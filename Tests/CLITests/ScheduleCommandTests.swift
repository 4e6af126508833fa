import Foundation
import TestSupport
import Testing

/// A data folder with channel `sretv-demo`: the demo rundown published for 2026-12-01 and a
/// Notimex block every day at 08:00 and 20:00 (media root: the demo media, generated once).
private func scheduledChannel() throws -> (TemporaryDirectory, [String]) {
    let folder = try TemporaryDirectory("sretv-schedule")
    let data = ["--data", folder.url.path]
    let run = { (arguments: [String]) throws in
        let result = try SREtvBinary.run(arguments + data)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    #expect(try SREtvBinary.run(["demo-media", folder.path("media"), "--format", "160x90@25"]).status == 0)
    try run(["channel", "add", "sretv-demo", "--name", "SREtv Demo & Noticias", "--filler", "filler/bars.mp4"])
    try run(["rundown", "import", SREtvBinary.repositoryRoot.appendingPathComponent("Playlists/demo.json").path])
    try run(["rundown", "publish", "sretv-demo", "2026-12-01"])
    let blocks = folder.path("blocks.json")
    try #"""
        [{"id": "notimex", "title": "Noticiero Notimex", "starts": ["08:00:00", "20:00:00"], "duration": 20, "days": ["mon","tue","wed","thu","fri","sat","sun"],
          "source": {"kind": "public", "provider": "Notimex", "uri": "public/notimex-resumen.ts"}, "category": "noticias"}]
        """#.write(toFile: blocks, atomically: true, encoding: .utf8)
    try run(["block", "import", "sretv-demo", blocks])
    return (folder, data)
}

@Test func timelineOverTwoDaysAirsThePublishedRundownThenTheBlocks() throws {
    let (folder, data) = try scheduledChannel()
    let result = try SREtvBinary.run(["timeline", "sretv-demo", "--from", "2026-12-01", "--to", "2026-12-02", "--json"] + data)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let entries = try #require(json["entries"] as? [[String: Any]])
    #expect(entries.first?["start"] as? String == "2026-12-01T00:00:00.000-06:00")
    #expect(entries.last?["end"] as? String == "2026-12-03T00:00:00.000-06:00")
    let items = entries.compactMap { $0["item"] as? String }
    // Day one: the published rundown, not the blocks. Day two: the blocks.
    #expect(Array(Set(items)).sorted() == ["block-notimex-0800", "block-notimex-2000", "closing", "cultura", "interview", "notimex-resumen", "opening"])
    let news = try #require(entries.first { $0["item"] as? String == "block-notimex-0800" })
    #expect(news["start"] as? String == "2026-12-02T08:00:00.000-06:00")
    #expect(news["category"] as? String == "noticias")
    let interview = try #require(entries.first { $0["item"] as? String == "interview" })
    #expect(interview["trimmed"] as? Double == 10)
    // The blocks-only day fills its gaps with the channel's filler, not slate.
    let afterNews = try #require(entries.first { ($0["start"] as? String) == "2026-12-02T08:00:20.000-06:00" })
    #expect(afterNews["uri"] as? String == "filler/bars.mp4")
    _ = folder
}

@Test func rundownNewLaysTheDaysBlocksInAsHardStarts() throws {
    let (folder, data) = try scheduledChannel()
    let created = try SREtvBinary.run(["rundown", "new", "sretv-demo", "2026-12-03"] + data)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("draft version 1"))
    let shown = try SREtvBinary.run(["rundown", "show", "sretv-demo", "2026-12-03"] + data)
    let rundown = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    let items = try #require(rundown["items"] as? [[String: Any]])
    #expect(items.map { $0["start"] as? String } == ["08:00:00", "20:00:00"])
    #expect(rundown["filler"] as? String == "filler/bars.mp4")
    // A second start on the same day would overwrite the producer's work: refused.
    #expect(try SREtvBinary.run(["rundown", "new", "sretv-demo", "2026-12-03"] + data).status == 1)
    _ = folder
}

@Test func epgIsValidXMLTVWithZoneOffsetsAndTheChannelListIsM3U() throws {
    let (folder, data) = try scheduledChannel()
    let result = try SREtvBinary.run(["epg", "--from", "2026-12-01", "--to", "2026-12-02"] + data)
    #expect(result.status == 0, "\(result.stderr)")
    let guide = folder.path("guide.xml")
    try result.stdout.write(toFile: guide, atomically: true, encoding: .utf8)
    let lint = try ProcessRunner.run("xmllint", ["--noout", "--dtdvalid", "/usr/share/xmltv/xmltv.dtd", guide])
    #expect(lint.status == 0, "\(lint.stderr)")
    #expect(result.stdout.contains(#"<programme start="20261202080000 -0600" stop="20261202080020 -0600" channel="sretv-demo">"#))
    #expect(result.stdout.contains("<display-name lang=\"es\">SREtv Demo &amp; Noticias</display-name>"))
    #expect(result.stdout.contains("<keyword lang=\"es\">notimex</keyword>"))

    let m3u = try SREtvBinary.run(["epg", "--from", "2026-12-01", "--m3u", "--base-url", "http://tv.sre.local:8080"] + data)
    #expect(m3u.stdout == """
        #EXTM3U
        #EXTINF:-1 tvg-id="sretv-demo" tvg-name="SREtv Demo & Noticias" group-title="SREtv",SREtv Demo & Noticias
        http://tv.sre.local:8080/hls/sretv-demo/index.m3u8

        """)
}

@Test func blockImportRejectsAnInvalidBlockWithItsPath() throws {
    let (folder, data) = try scheduledChannel()
    let file = folder.path("bad.json")
    try #"{"id": "x", "title": "X", "starts": ["08:00:00"], "duration": 0, "days": ["mon"], "source": {"kind": "production", "uri": "a.mp4"}}"#
        .write(toFile: file, atomically: true, encoding: .utf8)
    let result = try SREtvBinary.run(["block", "import", "sretv-demo", file] + data)
    #expect(result.status == 1)
    #expect(result.stderr.contains("$.duration"))
    #expect(try SREtvBinary.run(["block", "list", "sretv-demo"] + data).stdout.split(separator: "\n").count == 1)
}
