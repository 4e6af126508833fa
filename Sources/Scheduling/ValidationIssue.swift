/// One problem found in a rundown document, with where it is.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is: `$` for the whole document, else a path like `items[3].start`.
    public var path: String
    /// What was wrong and what is expected instead.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Every problem found in a rundown document (never just the first), one per line in `description`.
public struct RundownValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
