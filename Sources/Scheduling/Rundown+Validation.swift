import Foundation

extension Rundown: JSONValidatable {
    /// Reads and checks a rundown document (UTF-8 JSON), reporting every problem found, each with its path.
    public static func parse(_ data: Data) throws(RundownValidationError) -> Rundown {
        try validated(JSONValue.parse(data))
    }

    static func validate(_ value: JSONValue, at path: JSONPath, issues: inout [ValidationIssue]) -> Rundown? {
        let known = issues.count
        let rundown = validItems(of: value, at: path, issues: &issues)
        return issues.count == known ? rundown : nil
    }

    /// The document's channel, date, zone and filler with the items that have no issue at or below
    /// their path; nil when the channel, date or zone cannot be read. Every problem goes into `issues`.
    static func validItems(of value: JSONValue, at path: JSONPath, issues: inout [ValidationIssue]) -> Rundown? {
        guard let object = JSONObjectReader(value, at: path, known: CodingKeys.allCases.map(\.rawValue), issues: &issues) else { return nil }
        let channel = object.string(CodingKeys.channel.rawValue, required: true, issues: &issues)
        if let channel, !isValidChannel(channel) {
            issues.append(path.appending(CodingKeys.channel.rawValue), "\(String(reflecting: channel)) is not a valid channel id; expected 1–63 lowercase letters, digits or \"-\", not starting with \"-\"")
        }
        let date = object.text(BroadcastDate.self, CodingKeys.date.rawValue, required: true, issues: &issues)
        let timeZone = validateTimeZone(object, issues: &issues)
        let filler = object.string(CodingKeys.filler.rawValue, issues: &issues)
        if let filler, let problem = SourceURI.relativePathProblem(filler) {
            issues.append(path.appending(CodingKeys.filler.rawValue), "\(problem); expected a relative path under the media root")
        }
        let itemsPath = path.appending(CodingKeys.items.rawValue)
        let elements = object.field(CodingKeys.items.rawValue, required: true, expected: "an array of items", issues: &issues, \.arrayValue)
        if elements?.isEmpty == true { issues.append(itemsPath, "is empty; expected at least one item") }
        let validations = (elements ?? []).enumerated().map { index, element in
            ItemValidation(element, at: itemsPath.appending(index), issues: &issues)
        }
        checkUniqueIDs(validations, at: itemsPath, issues: &issues)
        checkLiveLengths(validations, at: itemsPath, issues: &issues)
        if let date, let timeZone {
            checkHardStartsExist(validations, clock: BroadcastClock(timeZone: timeZone, date: date), at: itemsPath, issues: &issues)
        }
        guard let channel, let date, let timeZone else { return nil }
        let faulty = Set(issues.compactMap { issue in validations.indices.first { issue.concerns(itemsPath.appending($0)) } })
        let items = validations.enumerated().compactMap { faulty.contains($0.offset) ? nil : $0.element.item }
        let validFiller = issues.contains { $0.concerns(path.appending(CodingKeys.filler.rawValue)) } ? nil : filler
        return Rundown(channel: channel, date: date, timeZone: timeZone, filler: validFiller, items: items)
    }

    /// Whether `channel` matches `^[a-z0-9][a-z0-9-]{0,62}$`.
    static func isValidChannel(_ channel: String) -> Bool {
        let allowed = { (c: Character) in c.isASCII && (c.isLowercase || c.isNumber) }
        guard let first = channel.first, allowed(first), channel.count <= 63 else { return false }
        return channel.allSatisfy { allowed($0) || $0 == "-" }
    }

    private static func validateTimeZone(_ object: JSONObjectReader, issues: inout [ValidationIssue]) -> TimeZone? {
        let key = CodingKeys.timeZone.rawValue
        guard let identifier = object.string(key, issues: &issues) else {
            return object.has(key) ? nil : defaultTimeZone
        }
        guard let timeZone = TimeZone(checkedName: identifier) else {
            issues.append(object.path.appending(key), "\(String(reflecting: identifier)) is not a known time zone; expected an IANA name such as \"America/Mexico_City\"")
            return nil
        }
        return timeZone
    }

    private static func checkUniqueIDs(_ items: [ItemValidation], at path: JSONPath, issues: inout [ValidationIssue]) {
        var firstUse: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let id = item.id else { continue }
            if let first = firstUse[id] {
                let idKey = RundownItem.CodingKeys.id.rawValue
                issues.append(path.appending(index).appending(idKey), "duplicate id \(String(reflecting: id)), first used at \(path.appending(first).appending(idKey))")
            } else {
                firstUse[id] = index
            }
        }
    }

    private static func checkLiveLengths(_ items: [ItemValidation], at path: JSONPath, issues: inout [ValidationIssue]) {
        for (index, item) in items.enumerated() where item.needsFollowingHardStart {
            let nextHasStart = items.indices.contains(index + 1) && items[index + 1].hasStart
            if !nextHasStart {
                issues.append(path.appending(index).appending(RundownItem.CodingKeys.duration.rawValue), "missing; a live item needs a duration unless the next item has a hard start that ends it")
            }
        }
    }

    private static func checkHardStartsExist(_ items: [ItemValidation], clock: BroadcastClock, at path: JSONPath, issues: inout [ValidationIssue]) {
        for (index, placement) in clock.place(items.map(\.start)).enumerated() {
            guard case .nonexistent(let day) = placement, let start = items[index].start else { continue }
            issues.append(
                path.appending(index).appending(RundownItem.CodingKeys.start.rawValue),
                "\(String(reflecting: start.description)) does not exist on \(day) in \(clock.timeZone.identifier) because clocks jump forward over it; expected a time outside the skipped interval"
            )
        }
    }
}
