/// One entry of a rundown, in air order: what airs, from where, and (optionally) exactly when.
public struct RundownItem: Sendable, Hashable, Codable {
    /// Unique within the rundown: letters, digits, `.`, `_`, `-`.
    public var id: String
    public var title: String
    public var source: RundownSource
    /// A hard start: the local wall time (in the rundown's zone) the item must air at.
    /// Without it the item follows the previous one back to back.
    public var start: LocalTime?
    /// Seconds into the source where the item begins (JSON `in`); nil means the beginning.
    public var inPoint: Double?
    /// Seconds into the source where the item ends (JSON `out`); exclusive with `duration`.
    public var outPoint: Double?
    /// Seconds the item lasts; exclusive with `outPoint`. Without either, a file plays to its end.
    public var duration: Double?
    public var category: String?
    public var tags: [String]
    public var description: String?

    public init(
        id: String, title: String, source: RundownSource, start: LocalTime? = nil,
        inPoint: Double? = nil, outPoint: Double? = nil, duration: Double? = nil,
        category: String? = nil, tags: [String] = [], description: String? = nil
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.start = start
        self.inPoint = inPoint
        self.outPoint = outPoint
        self.duration = duration
        self.category = category
        self.tags = tags
        self.description = description
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, source, start
        case inPoint = "in"
        case outPoint = "out"
        case duration, category, tags, description
    }

    /// Decodes through the same checks as `Rundown.parse(_:)` (except those that need the whole rundown).
    public init(from decoder: any Decoder) throws {
        self = try Self.decoded(by: decoder)
    }

    /// The length the rundown itself gives (`duration`, or `out - in`), before looking at any media.
    public var plannedLength: Ticks? {
        if let duration { return Ticks(seconds: duration) }
        return outPoint.map { Ticks(seconds: $0) - Ticks(seconds: inPoint ?? 0) }
    }
}
