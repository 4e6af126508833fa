import ArgumentParser
import Scheduling

/// A failure the CLI reports as one clear line on standard error, with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A rundown that is not valid: one `path: reason` line per problem, exit status 1.
struct ValidationFailure: Error, CustomStringConvertible {
    var file: String
    var issues: [ValidationIssue]

    var description: String {
        "\(file) is not a valid rundown (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n"
            + issues.map(\.description).joined(separator: "\n")
    }
}
