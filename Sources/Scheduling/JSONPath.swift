/// Where a value sits in a JSON document, written the way validation issues show it:
/// `$` for the root, `items[3].source.kind` below it.
struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    let description: String

    static let root = JSONPath(description: "$")

    /// The path of the field `key` of the object at this path.
    func appending(_ key: String) -> JSONPath {
        JSONPath(description: self == .root ? key : "\(description).\(key)")
    }

    /// The path of element `index` of the array at this path.
    func appending(_ index: Int) -> JSONPath {
        JSONPath(description: "\(description)[\(index)]")
    }
}

extension [ValidationIssue] {
    /// Records a problem at `path`.
    mutating func append(_ path: JSONPath, _ message: String) {
        append(ValidationIssue(path: path.description, message: message))
    }
}

extension ValidationIssue {
    /// Whether the issue is at `path` or within the value there.
    func concerns(_ path: JSONPath) -> Bool {
        let prefix = path.description
        guard self.path.hasPrefix(prefix) else { return false }
        let rest = self.path.dropFirst(prefix.count)
        return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
    }
}
