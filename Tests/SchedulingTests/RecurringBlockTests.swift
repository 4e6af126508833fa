import Foundation
import Testing
@testable import Scheduling

@Suite struct RecurringBlockTests {
    private let notimex = RecurringBlock.notimex
    private let cultural = RecurringBlock(
        id: "canal-once", title: "Hora cultural", source: RundownSource(kind: .public, uri: "public/canal-once.ts", provider: "Canal Once"),
        starts: [LocalTime("21:00:00")!], duration: 3600, days: .mondayToFriday, category: "Cultura"
    )

    @Test(arguments: [("2026-12-01", Weekday.tue), ("2026-12-05", .sat), ("2026-03-29", .sun), ("1970-01-01", .thu), ("1969-12-31", .wed)])
    func theWeekdayOfADateIsTheCalendars(date: String, weekday: Weekday) {
        #expect(Weekday(of: BroadcastDate(date)!) == weekday)
    }

    @Test func aWeekdayBlockAirsMondayToFridayOnly() {
        let week = (0..<7).map { BroadcastDate("2026-11-30")!.adding(days: $0) }
        #expect(week.map(cultural.airs(on:)) == [true, true, true, true, true, false, false])
    }

    @Test func aDaysRundownFromBlocksHasEachStartAsAHardStartItemInTimeOrder() {
        let tuesday = Rundown.fromBlocks(channel: "sretv-demo", date: BroadcastDate("2026-12-01")!, filler: "filler/bars.mp4", blocks: [cultural, notimex])
        #expect(tuesday.items.map(\.id) == ["block-notimex-0800", "block-notimex-1400", "block-notimex-2000", "block-canal-once-2100"])
        #expect(tuesday.items.map { $0.start?.description } == ["08:00:00", "14:00:00", "20:00:00", "21:00:00"])
        #expect(tuesday.items.map(\.duration) == [900, 900, 900, 3600])
        #expect(tuesday.items.last?.category == "Cultura")
        #expect(tuesday.filler == "filler/bars.mp4")
        let saturday = Rundown.fromBlocks(channel: "sretv-demo", date: BroadcastDate("2026-12-05")!, blocks: [cultural, notimex])
        #expect(saturday.items.map(\.id) == ["block-notimex-0800", "block-notimex-1400", "block-notimex-2000"])
    }

    @Test func anItemIDShowsSecondsOnlyWhenTheStartHasThem() {
        #expect(notimex.itemID(at: LocalTime("08:30:15")!) == "block-notimex-083015")
        #expect(notimex.itemID(at: LocalTime("00:05:00")!) == "block-notimex-0005")
    }

    @Test func aBlockRoundTripsThroughJSONWithItsDaysInWeekOrder() throws {
        let json = #"{"id":"magazine","title":"Revista","source":{"kind":"production","uri":"productions/revista.mp4"},"starts":["19:00:00"],"duration":1800,"days":["sun","wed"]}"#
        let block = try JSONDecoder().decode(RecurringBlock.self, from: Data(json.utf8))
        #expect(block.days.days == [.wed, .sun])
        #expect(block.starts == [LocalTime("19:00:00")!])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = String(decoding: try encoder.encode(block), as: UTF8.self)
        #expect(encoded.contains(#""days":["wed","sun"]"#))
        #expect(try JSONDecoder().decode(RecurringBlock.self, from: Data(encoded.utf8)) == block)
    }

    @Test(arguments: [
        (#""days":["funday"]"#, "\"funday\" is not a weekday"),
        (#""days":[]"#, "expected at least one weekday"),
        (#""duration":0"#, "expected seconds > 0"),
        (#""starts":["08:00:00","08:00:00"]"#, "distinct times"),
    ])
    func aBlockWithBadFieldsDoesNotDecode(field: String, message: String) {
        let fields = [#""id":"b""#, #""title":"B""#, #""source":{"kind":"production","uri":"b.mp4"}"#, #""starts":["08:00:00"]"#, #""duration":60"#, #""days":["mon"]"#]
        let key = field.prefix { $0 != ":" }
        let json = "{" + (fields.filter { !$0.hasPrefix(key) } + [field]).joined(separator: ",") + "}"
        #expect {
            try JSONDecoder().decode(RecurringBlock.self, from: Data(json.utf8))
        } throws: { error in
            String(describing: error).contains(message)
        }
    }
}

extension RecurringBlock {
    /// Notimex news: every day at 08:00, 14:00 and 20:00, 15 minutes.
    static let notimex = RecurringBlock(
        id: "notimex", title: "Noticias Notimex", source: RundownSource(kind: .public, uri: "public/notimex.ts", provider: "Notimex"),
        starts: ["08:00:00", "14:00:00", "20:00:00"].map { LocalTime($0)! }, duration: 900, category: "Noticias"
    )
}
