import Foundation
import Testing
@testable import Scheduling

@Suite struct XMLTVTests {
    private let listing = ChannelListing(id: "sretv-demo", name: "SRE & Cancillería", group: "Cancillería", streamURL: "https://tv.sre.example/sretv-demo/index.m3u8")

    private func media(_ items: [RundownItem]) -> MediaLibrary {
        var media = MediaLibrary()
        for item in items { media.add(item.source.uri, length: 600) }
        media.add("public/notimex.ts", length: 900)
        media.add("filler/bars.mp4", length: 60)
        return media
    }

    /// The guide for one channel's schedule.
    private func guide(zone: String, from: String, through: String, _ rundowns: [String: [RundownItem]] = [:]) -> String {
        let timeZone = TimeZone(identifier: zone)!
        let days = rundowns.map { date, items in (BroadcastDate(date)!, Rundown(channel: "sretv-demo", date: BroadcastDate(date)!, timeZone: timeZone, items: items)) }
        let schedule = ChannelSchedule(channel: "sretv-demo", timeZone: timeZone, rundowns: Dictionary(uniqueKeysWithValues: days), blocks: [.notimex], filler: "filler/bars.mp4")
        let timeline = media(rundowns.values.flatMap { $0 }).resolve(schedule, from: from, through: through)
        return XMLTV.document([ChannelGuide(channel: listing, timeline: timeline)])
    }

    /// Runs `xmllint --dtdvalid` with the installed XMLTV DTD on `xml`: its exit status and messages.
    private func validate(_ xml: String) throws -> (status: Int32, messages: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sretv-xmltv-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--dtdvalid", "/usr/share/xmltv/xmltv.dtd", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, messages)
    }

    private var detailed: RundownItem {
        var item = RundownItem.production("entrevista", start: "10:00:00")
        item.title = "Tom & Jerry <\"en vivo\"> 'hoy'\u{07}"
        item.description = "Canciller & embajadores"
        item.category = "Diplomacia"
        item.tags = ["ONU", "México"]
        return item
    }

    @Test func aGuideOverSeveralDaysIsValidXMLTV() throws {
        let xml = guide(zone: "America/Mexico_City", from: "2026-12-01", through: "2026-12-03", ["2026-12-02": [detailed]])
        let (status, messages) = try validate(xml)
        #expect(status == 0, "\(messages)")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv generator-info-name=\"SREtv\">\n"))
        #expect(xml.contains("  <channel id=\"sretv-demo\">\n    <display-name lang=\"es\">SRE &amp; Cancillería</display-name>\n  </channel>\n"))
        // Each news airing on the block days follows a continuity programme, and one runs after the last;
        // the producer's day (no blocks) airs just its item between two continuity programmes.
        #expect(xml.components(separatedBy: "<programme ").count - 1 == 3 * 2 + 1 + 1 + 3 * 2 + 1)
    }

    @Test func theValidatorRejectsElementsOutOfTheDTDsOrder() throws {
        let xml = guide(zone: "America/Mexico_City", from: "2026-12-01", through: "2026-12-01")
            .replacingOccurrences(of: "<title lang=\"es\">Noticias Notimex</title>", with: "<category>x</category><title>Noticias Notimex</title>")
        #expect(try validate(xml).status != 0)
    }

    @Test func anItemsDetailsFollowItsTitleInDTDOrderEscaped() {
        let xml = guide(zone: "America/Mexico_City", from: "2026-12-01", through: "2026-12-01", ["2026-12-01": [detailed]])
        #expect(xml.contains("""
              <programme start="20261201100000 -0600" stop="20261201101000 -0600" channel="sretv-demo">
                <title lang="es">Tom &amp; Jerry &lt;&quot;en vivo&quot;&gt; &apos;hoy&apos;</title>
                <desc lang="es">Canciller &amp; embajadores</desc>
                <category lang="es">Diplomacia</category>
                <keyword lang="es">ONU</keyword>
                <keyword lang="es">México</keyword>
              </programme>

            """))
    }

    @Test func fillerBetweenItemsIsOneContinuityProgramme() {
        let xml = guide(zone: "America/Mexico_City", from: "2026-12-01", through: "2026-12-01")
        // 60 s filler loops from 08:15 to 14:00 make one programme.
        #expect(xml.contains("""
              <programme start="20261201081500 -0600" stop="20261201140000 -0600" channel="sretv-demo">
                <title lang="es">Programación continua</title>
              </programme>

            """))
        #expect(xml.contains("start=\"20261201000000 -0600\" stop=\"20261201080000 -0600\""))
        #expect(xml.hasSuffix("stop=\"20261202000000 -0600\" channel=\"sretv-demo\">\n    <title lang=\"es\">Programación continua</title>\n  </programme>\n</tv>\n"))
    }

    @Test func timesCarryTheOffsetInForceOnEitherSideOfSpringForward() {
        let xml = guide(zone: "Europe/Madrid", from: "2026-03-28", through: "2026-03-30")
        #expect(xml.contains("start=\"20260328080000 +0100\" stop=\"20260328081500 +0100\""))
        #expect(xml.contains("start=\"20260328201500 +0100\" stop=\"20260329080000 +0200\""))
        #expect(xml.contains("start=\"20260330080000 +0200\" stop=\"20260330081500 +0200\""))
    }

    @Test func theRepeatedHourOfFallBackShowsBothOffsets() {
        let items: [RundownItem] = [.production("a", start: "00:30:00"), .production("b", start: "01:30:00"), .production("c", start: "01:15:00"), .production("d", start: "03:00:00")]
        let xml = guide(zone: "America/Tijuana", from: "2026-11-01", through: "2026-11-01", ["2026-11-01": items])
        let starts = ["20261101003000 -0700", "20261101013000 -0700", "20261101011500 -0800", "20261101030000 -0800"]
        #expect(starts.allSatisfy { xml.contains("<programme start=\"\($0)\"") })
        #expect(xml.contains("start=\"20261101014000 -0700\" stop=\"20261101011500 -0800\""))
    }

    @Test func theM3UListHasOneInfoAndOneURLLinePerChannel() {
        let news = ChannelListing(id: "noticias", name: "Noticias \"24\"\nhoras", group: "Cancillería", streamURL: "https://tv.sre.example/noticias/index.m3u8")
        #expect(M3U.channelList([listing, news]) == """
            #EXTM3U
            #EXTINF:-1 tvg-id="sretv-demo" tvg-name="SRE & Cancillería" group-title="Cancillería",SRE & Cancillería
            https://tv.sre.example/sretv-demo/index.m3u8
            #EXTINF:-1 tvg-id="noticias" tvg-name="Noticias '24' horas" group-title="Cancillería",Noticias "24" horas
            https://tv.sre.example/noticias/index.m3u8

            """)
    }
}
