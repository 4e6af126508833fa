/// A programme a channel airs at the same local times on chosen weekdays, such as
/// "Notimex news, every day at 08:00, 14:00 and 20:00, 15 minutes" or "Canal Once cultural hour, weekdays 21:00".
///
/// One block holds every start time of the programme (`starts`): each start airs as its own
/// hard-start item on the days the block airs. See `Rundown.fromBlocks(channel:date:timeZone:filler:blocks:)`.
public struct RecurringBlock: Sendable, Hashable, Codable {
    /// Unique within the channel: letters, digits, `.`, `_`, `-` (it becomes part of item ids).
    public var id: String
    public var title: String
    public var source: RundownSource
    /// Local wall times (in the channel's zone) the block airs at, each a hard start.
    public var starts: [LocalTime]
    /// Seconds each airing lasts.
    public var duration: Double
    /// The weekdays it airs on.
    public var days: Weekdays
    public var category: String?

    public init(id: String, title: String, source: RundownSource, starts: [LocalTime], duration: Double, days: Weekdays = .everyDay, category: String? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.starts = starts
        self.duration = duration
        self.days = days
        self.category = category
    }

    enum CodingKeys: String, CodingKey {
        case id, title, source, starts, duration, days, category
    }

    /// Decodes and checks the block: a valid id, at least one start and one day, no start twice,
    /// and a duration over zero and at most a day.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func check(_ valid: Bool, _ key: CodingKeys, _ message: String) throws {
            guard valid else { throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message) }
        }
        id = try container.decode(String.self, forKey: .id)
        try check(RundownItem.isValidID(id), .id, "\(String(reflecting: id)) is not a valid block id; expected letters, digits, \".\", \"_\" or \"-\" only")
        title = try container.decode(String.self, forKey: .title)
        source = try container.decode(RundownSource.self, forKey: .source)
        starts = try container.decode([LocalTime].self, forKey: .starts)
        try check(!starts.isEmpty && Set(starts).count == starts.count, .starts, "expected one or more distinct times of day")
        duration = try container.decode(Double.self, forKey: .duration)
        try check(duration > 0 && duration <= 86_400, .duration, "\(duration) is out of range; expected seconds > 0 and ≤ 86400 (a day)")
        days = try container.decode(Weekdays.self, forKey: .days)
        try check(!days.isEmpty, .days, "is empty; expected at least one weekday")
        category = try container.decodeIfPresent(String.self, forKey: .category)
    }

    /// Whether the block airs on `date` (a local broadcast day in the channel's zone).
    public func airs(on date: BroadcastDate) -> Bool {
        days.contains(Weekday(of: date))
    }

    /// The id of the item airing the block at `start`: `block-<id>-<HHMM>` (`<HHMMSS>` when the start has seconds).
    public func itemID(at start: LocalTime) -> String {
        let time = start.description.split(separator: ":").prefix(start.second == 0 ? 2 : 3).joined()
        return "block-\(id)-\(time)"
    }

    /// The hard-start item airing the block at `start`.
    func item(at start: LocalTime) -> RundownItem {
        RundownItem(id: itemID(at: start), title: title, source: source, start: start, duration: duration, category: category)
    }
}
