import Foundation

/// A rundown document as a producer is editing it, not yet saved: what of it can be resolved and
/// every problem it has, so an editor can show the computed times and the problems side by side.
public struct RundownDraft: Sendable {
    /// The document without its invalid items (and without an invalid filler); nil when it is not
    /// JSON or its channel, date or time zone cannot be read.
    public var rundown: Rundown?
    /// Every problem, as `Rundown.parse(_:)` reports them; empty when the document would save.
    public var issues: [ValidationIssue]

    /// Reads `data` leniently: invalid items are left out of `rundown` instead of failing it.
    public init(parsing data: Data) {
        do {
            var issues: [ValidationIssue] = []
            rundown = Rundown.validItems(of: try JSONValue.parse(data), at: .root, issues: &issues)
            self.issues = issues
        } catch {
            rundown = nil
            issues = error.issues
        }
    }
}
