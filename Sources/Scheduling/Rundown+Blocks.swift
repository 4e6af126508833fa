import Foundation

extension Rundown {
    /// A day's rundown holding the blocks that air on `date`, each start as a hard-start item, in time order
    /// (ties by block id), for a producer to fill between or override; gaps air `filler` (or slate).
    /// A day no block airs on gets a rundown without items.
    public static func fromBlocks(channel: String, date: BroadcastDate, timeZone: TimeZone = Rundown.defaultTimeZone, filler: String? = nil, blocks: [RecurringBlock]) -> Rundown {
        let airings = blocks.filter { $0.airs(on: date) }.flatMap { block in block.starts.map { (block, $0) } }
        let items = airings.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }.map { block, start in block.item(at: start) }
        return Rundown(channel: channel, date: date, timeZone: timeZone, filler: filler, items: items)
    }
}
