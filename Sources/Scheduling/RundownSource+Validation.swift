extension RundownSource: JSONValidatable {
    static func validate(_ value: JSONValue, at path: JSONPath, issues: inout [ValidationIssue]) -> RundownSource? {
        let known = issues.count
        guard let object = JSONObjectReader(value, at: path, known: CodingKeys.allCases.map(\.rawValue), issues: &issues) else { return nil }
        let kinds = SourceKind.allCases.map(\.rawValue).joined(separator: ", ")
        let kind = object.field(CodingKeys.kind.rawValue, required: true, expected: "one of \(kinds)", issues: &issues) {
            $0.stringValue.flatMap(SourceKind.init(rawValue:))
        }
        let uri = object.string(CodingKeys.uri.rawValue, required: true, issues: &issues)
        if let kind, let checked = uri, let problem = SourceURI.problem(with: checked, kind: kind) {
            issues.append(path.appending(CodingKeys.uri.rawValue), problem)
        }
        let provider = object.string(CodingKeys.provider.rawValue, issues: &issues)
        if kind == .public, !object.has(CodingKeys.provider.rawValue) {
            issues.append(path.appending(CodingKeys.provider.rawValue), "missing; public sources must name their provider, e.g. \"Canal Once\" or \"Notimex\"")
        }
        guard issues.count == known, let kind, let uri else { return nil }
        return RundownSource(kind: kind, uri: uri, provider: provider)
    }
}
