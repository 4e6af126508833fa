// Schedule benchmark (issue 5): resolves a 7-day schedule of 10,000 items with recurring blocks into one
// timeline and exports it as XMLTV, several times, printing median and minimum wall times against the targets.
// Usage: ScheduleBenchmark [runs]   (run it in release: Benchmarks/schedule.sh)
import Foundation
import Scheduling

let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 15
let totalItems = 10_000
let resolveTarget = Duration.milliseconds(50)
let exportTarget = Duration.milliseconds(100)

let zone = TimeZone(identifier: "America/Mexico_City")!
let first = BroadcastDate("2026-12-01")!
let days = (0..<7).map { first.adding(days: $0) }
let blocks = [
    RecurringBlock(id: "notimex", title: "Noticias Notimex", source: RundownSource(kind: .public, uri: "public/notimex.ts", provider: "Notimex"),
                   starts: ["08:00:00", "14:00:00", "20:00:00"].map { LocalTime($0)! }, duration: 900, category: "Noticias"),
    RecurringBlock(id: "canal-once", title: "Hora cultural", source: RundownSource(kind: .public, uri: "public/canal-once.ts", provider: "Canal Once"),
                   starts: [LocalTime("21:00:00")!], duration: 3600, days: .mondayToFriday, category: "Cultura"),
    RecurringBlock(id: "revista", title: "Revista semanal", source: RundownSource(kind: .production, uri: "productions/revista.mp4"),
                   starts: [LocalTime("19:00:00")!], duration: 1800, days: Weekdays(.sun), category: "Magacín"),
]

/// Deterministic pseudo-random numbers (SplitMix64), so every run builds the same schedule.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var random = SplitMix64(state: 5)
var media: [String: MediaAvailability] = [:]

/// Synthetic probe results: `seconds` long, a keyframe every 2 s.
@MainActor func addMedia(_ uri: String, seconds: Double) {
    let keyframes = stride(from: 0.0, to: seconds, by: 2).map { Ticks(seconds: $0) }
    media[uri] = .available(MediaFacts(duration: Ticks(seconds: seconds), keyframes: keyframes))
}

addMedia("public/notimex.ts", seconds: 900)
addMedia("public/canal-once.ts", seconds: 3600)
addMedia("productions/revista.mp4", seconds: 1800)
addMedia("filler/continuidad.mp4", seconds: 120)

// The last day has no producer's rundown: it airs its blocks with filler. The others start from their blocks
// and get soft items of generated lengths spread over the time between the blocks.
let producerDays = days.dropLast()
let blockItems = days.reduce(0) { $0 + Rundown.fromBlocks(channel: "bench", date: $1, blocks: blocks).items.count }
let softPerDay = (totalItems - blockItems) / producerDays.count
var rundowns: [BroadcastDate: Rundown] = [:]
for (dayIndex, date) in producerDays.enumerated() {
    var rundown = Rundown.fromBlocks(channel: "bench", date: date, timeZone: zone, filler: "filler/continuidad.mp4", blocks: blocks)
    let soft = dayIndex == 0 ? totalItems - blockItems - softPerDay * (producerDays.count - 1) : softPerDay
    let blockTime = rundown.items.reduce(0) { $0 + ($1.duration ?? 0) }
    let average = (86_400 - blockTime) / Double(soft)
    var items: [RundownItem] = []
    var hardStarts = rundown.items.makeIterator()
    var nextBlock = hardStarts.next()
    var clock = 0.0
    for index in 0..<soft {
        let length = (average * Double.random(in: 0.5...1.5, using: &random)).rounded()
        while let block = nextBlock, let start = block.start, Double(start.secondsSinceMidnight) <= clock {
            items.append(block)
            clock = Double(start.secondsSinceMidnight) + (block.duration ?? 0)
            nextBlock = hardStarts.next()
        }
        let id = "p\(dayIndex)-\(index)"
        addMedia("productions/\(id).mp4", seconds: length)
        items.append(RundownItem(
            id: id, title: "Programa \(index) del día \(date)", source: RundownSource(kind: .production, uri: "productions/\(id).mp4"),
            category: index.isMultiple(of: 3) ? "Documental" : "Cultura", tags: ["SRE", "día \(dayIndex)"],
            description: "Emisión \(index): diplomacia, cultura & sociedad <México>"
        ))
        clock += length
    }
    while let block = nextBlock {
        items.append(block)
        nextBlock = hardStarts.next()
    }
    rundown.items = items
    rundowns[date] = rundown
}

let schedule = ChannelSchedule(channel: "bench", timeZone: zone, rundowns: rundowns, blocks: blocks, filler: "filler/continuidad.mp4")
let listing = ChannelListing(id: "bench", name: "SREtv Benchmark", group: "Cancillería", streamURL: "https://tv.sre.example/bench/index.m3u8")
let itemCount = days.reduce(0) { $0 + schedule.rundown(on: $1).items.count }

/// Wall time of `work`.
@MainActor func measure<T>(_ work: () -> T) -> (Duration, T) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = work()
    return (clock.now - start, result)
}

var resolveTimes: [Duration] = []
var exportTimes: [Duration] = []
var timeline: Timeline?
var xml = ""
for _ in 0..<runs {
    let (resolveTime, resolved) = measure { ScheduleResolver.resolve(schedule, from: days[0], through: days[6], media: { media[$0] }, liveAllowed: true) }
    let (exportTime, exported) = measure { XMLTV.document([ChannelGuide(channel: listing, timeline: resolved)]) }
    resolveTimes.append(resolveTime)
    exportTimes.append(exportTime)
    timeline = resolved
    xml = exported
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

func report(_ name: String, _ times: [Duration], target: Duration) -> Bool {
    let sorted = times.sorted()
    let median = sorted[sorted.count / 2]
    let met = median <= target
    print("\(name): median \(milliseconds(median)), min \(milliseconds(sorted[0]))  (target ≤ \(milliseconds(target)): \(met ? "met" : "MISSED"))")
    return met
}

let entries = timeline?.entries ?? []
print("schedule: \(days.count) days, \(itemCount) items (\(blockItems) from blocks), \(runs) runs")
print("timeline: \(entries.count) entries (\(entries.filter { $0.itemID != nil }.count) items), \(timeline?.warnings.count ?? 0) warnings, \(String(format: "%.1f", (timeline?.duration.seconds ?? 0) / 3600)) h long")
print("XMLTV: \(xml.utf8.count) bytes, \(xml.components(separatedBy: "<programme ").count - 1) programmes")
let resolveMet = report("resolve", resolveTimes, target: resolveTarget)
let exportMet = report("export ", exportTimes, target: exportTarget)
exit(resolveMet && exportMet ? 0 : 1)
