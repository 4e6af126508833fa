extension RundownItem: JSONValidatable {
    static func validate(_ value: JSONValue, at path: JSONPath, issues: inout [ValidationIssue]) -> RundownItem? {
        ItemValidation(value, at: path, issues: &issues).item
    }

    /// Whether `id` is a valid item id: one or more of `A-Z a-z 0-9 . _ -`.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}

/// What validating one item yields: the item when it is valid, and the parts the
/// rundown-wide checks (unique ids, hard starts, live lengths) need even when it is not.
struct ItemValidation {
    typealias Key = RundownItem.CodingKeys

    /// The item, when everything about it is valid.
    private(set) var item: RundownItem?
    /// The id, when it is a valid one.
    private(set) var id: String?
    /// The hard start, when it is a valid time.
    private(set) var start: LocalTime?
    /// Whether the item has a `start` field at all (valid or not).
    private(set) var hasStart = false
    /// A live item without a duration: only valid when the next item has a hard start that ends it.
    private(set) var needsFollowingHardStart = false

    init(_ value: JSONValue, at path: JSONPath, issues: inout [ValidationIssue]) {
        let known = issues.count
        guard let object = JSONObjectReader(value, at: path, known: Key.allCases.map(\.rawValue), issues: &issues) else { return }
        if let id = object.string(Key.id.rawValue, required: true, issues: &issues) {
            if RundownItem.isValidID(id) {
                self.id = id
            } else {
                issues.append(path.appending(Key.id.rawValue), "\(String(reflecting: id)) is not a valid id; expected letters, digits, \".\", \"_\" or \"-\" only")
            }
        }
        let title = object.string(Key.title.rawValue, required: true, issues: &issues)
        let source = object.value(Key.source.rawValue, required: true, issues: &issues).flatMap {
            RundownSource.validate($0, at: path.appending(Key.source.rawValue), issues: &issues)
        }
        start = object.text(LocalTime.self, Key.start.rawValue, issues: &issues)
        hasStart = object.has(Key.start.rawValue)
        let points = PointValidation(object, isLive: source?.kind == .live, issues: &issues)
        needsFollowingHardStart = source?.kind == .live && !object.has(Key.duration.rawValue)
        let category = object.string(Key.category.rawValue, issues: &issues)
        let tags = object.strings(Key.tags.rawValue, issues: &issues)
        let description = object.string(Key.description.rawValue, nonEmpty: false, issues: &issues)
        guard issues.count == known, let id, let title, let source else { return }
        item = RundownItem(
            id: id, title: title, source: source, start: start,
            inPoint: points.inPoint, outPoint: points.outPoint, duration: points.duration,
            category: category, tags: tags ?? [], description: description
        )
    }
}

/// The `in`, `out` and `duration` of an item, checked together.
private struct PointValidation {
    typealias Key = RundownItem.CodingKeys

    var inPoint: Double?
    var outPoint: Double?
    var duration: Double?

    init(_ object: JSONObjectReader, isLive: Bool, issues: inout [ValidationIssue]) {
        inPoint = Self.seconds(Key.inPoint, in: object, minimum: .zero, issues: &issues)
        outPoint = Self.seconds(Key.outPoint, in: object, minimum: .zero, issues: &issues)
        duration = Self.seconds(Key.duration, in: object, minimum: nil, issues: &issues)
        if let outPoint, outPoint <= inPoint ?? 0 {
            issues.append(object.path.appending(Key.outPoint.rawValue), "\(outPoint.formattedSeconds) is not after in (\((inPoint ?? 0).formattedSeconds)); expected out > in")
        }
        if object.has(Key.outPoint.rawValue) && object.has(Key.duration.rawValue) {
            issues.append(object.path.appending(Key.duration.rawValue), "given together with out; expected either out or duration, not both")
        }
        if isLive {
            for key in [Key.inPoint, Key.outPoint] where object.has(key.rawValue) {
                issues.append(object.path.appending(key.rawValue), "a live source has no \(key.rawValue) point; expected duration only")
            }
        }
    }

    /// The longest time any `in`, `out` or `duration` may name: a week, far beyond any real item,
    /// and far below what would overflow `Ticks`.
    static let maximumSeconds: Double = 7 * 86_400

    /// A number of seconds at least `minimum` (or, without one, greater than zero) and at most `maximumSeconds`.
    private static func seconds(_ key: Key, in object: JSONObjectReader, minimum: Double?, issues: inout [ValidationIssue]) -> Double? {
        guard let seconds = object.number(key.rawValue, issues: &issues) else { return nil }
        let valid = (minimum.map { seconds >= $0 } ?? (seconds > 0)) && seconds <= maximumSeconds
        guard valid else {
            let range = "\(minimum == nil ? "> 0" : "≥ 0") and ≤ \(maximumSeconds.formattedSeconds) (a week)"
            issues.append(object.path.appending(key.rawValue), "\(seconds.formattedSeconds) is out of range; expected seconds \(range)")
            return nil
        }
        return seconds
    }
}
