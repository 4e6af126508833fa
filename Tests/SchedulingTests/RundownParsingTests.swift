import Foundation
import Testing
@testable import Scheduling

@Suite struct RundownParsingTests {
    typealias F = RundownFixtures

    static let full = F.document(
        ["timezone": "America/Tijuana", "filler": "filler/bars.mp4"],
        items: [
            F.item("opening", ["start": "06:00:00", "in": 1.5, "out": 20, "category": "institucional", "tags": ["apertura"], "description": "Cortinilla"]),
            F.item("cultura", ["source": ["kind": "public", "uri": "public/canal-once-cultura.mp4", "provider": "Canal Once"], "duration": 45]),
            F.item("studio", ["source": ["kind": "live", "uri": "srt://studio.example:9000"], "duration": 600]),
        ]
    )

    @Test func aValidDocumentBecomesTheModel() throws {
        let rundown = try Rundown.parse(Self.full)
        #expect(rundown.channel == "sretv-demo")
        #expect(rundown.date == BroadcastDate(year: 2026, month: 12, day: 1))
        #expect(rundown.timeZone.identifier == "America/Tijuana")
        #expect(rundown.filler == "filler/bars.mp4")
        #expect(rundown.items.map(\.id) == ["opening", "cultura", "studio"])
        let opening = rundown.items[0]
        #expect(opening.start == LocalTime(hour: 6, minute: 0, second: 0))
        #expect(opening.inPoint == 1.5)
        #expect(opening.outPoint == 20)
        #expect(opening.tags == ["apertura"])
        #expect(rundown.items[1].source == RundownSource(kind: .public, uri: "public/canal-once-cultura.mp4", provider: "Canal Once"))
        #expect(rundown.items[2].source.kind == .live)
    }

    @Test func theTimeZoneDefaultsToMexicoCity() throws {
        #expect(try Rundown.parse(F.document()).timeZone.identifier == "America/Mexico_City")
    }

    @Test func encodingRoundTrips() throws {
        let rundown = try Rundown.parse(Self.full)
        let encoded = try JSONEncoder().encode(rundown)
        #expect(try Rundown.parse(encoded) == rundown)
        #expect(try JSONDecoder().decode(Rundown.self, from: encoded) == rundown)
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["timezone"] as? String == "America/Tijuana")
        #expect(object["date"] as? String == "2026-12-01")
        let first = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(first["start"] as? String == "06:00:00")
        #expect(first["in"] as? Double == 1.5)
    }

    @Test func decodingWithJSONDecoderRunsTheSameChecks() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Rundown.self, from: F.document(["date": "2026-13-01"]))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LocalTime.self, from: Data("\"24:00:00\"".utf8))
        }
    }

    @Test func timesAndDatesAreWrittenInTheirTextForm() throws {
        let time = try #require(LocalTime(hour: 7, minute: 5, second: 9))
        #expect(String(decoding: try JSONEncoder().encode(time), as: UTF8.self) == "\"07:05:09\"")
        #expect(try JSONDecoder().decode(LocalTime.self, from: Data("\"07:05:09\"".utf8)) == time)
        #expect(BroadcastDate("2026-12-01")?.description == "2026-12-01")
    }

    @Test func datesCountDaysExactly() throws {
        let date = try #require(BroadcastDate("2026-12-31"))
        #expect(date.adding(days: 1) == BroadcastDate(year: 2027, month: 1, day: 1))
        #expect(BroadcastDate("1970-01-02")?.daysSince1970 == 1)
        #expect(BroadcastDate("2028-03-01")?.adding(days: -1) == BroadcastDate(year: 2028, month: 2, day: 29))
    }
}
