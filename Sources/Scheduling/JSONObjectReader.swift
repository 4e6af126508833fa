/// Reads the fields of one JSON object during validation, reporting wrong types,
/// missing required fields and unknown fields (typo protection) with their paths.
struct JSONObjectReader {
    let path: JSONPath
    private let fields: [String: JSONValue]

    /// Fails (with an issue) when `value` is not an object; reports every field not in `known`.
    init?(_ value: JSONValue, at path: JSONPath, known: [String], issues: inout [ValidationIssue]) {
        guard let fields = value.objectValue else {
            issues.append(path, "found \(value.summary); expected an object")
            return nil
        }
        for key in fields.keys.sorted() where !known.contains(key) {
            issues.append(path.appending(key), "unknown field \(String(reflecting: key)); expected one of \(known.joined(separator: ", "))")
        }
        self.path = path
        self.fields = fields
    }

    /// Whether the object has the field at all (even with a wrong value).
    func has(_ key: String) -> Bool { fields[key] != nil }

    /// The raw value of a field; a missing required field is an issue.
    func value(_ key: String, required: Bool, issues: inout [ValidationIssue]) -> JSONValue? {
        guard let value = fields[key] else {
            if required { issues.append(path.appending(key), "missing; this field is required") }
            return nil
        }
        return value
    }

    /// A field of one JSON type, taken out by `extract`; a value of another type is an issue naming `expected`.
    func field<T>(
        _ key: String, required: Bool = false, expected: String, issues: inout [ValidationIssue],
        _ extract: (JSONValue) -> T?
    ) -> T? {
        guard let value = value(key, required: required, issues: &issues) else { return nil }
        guard let result = extract(value) else {
            issues.append(path.appending(key), "found \(value.summary); expected \(expected)")
            return nil
        }
        return result
    }

    /// A string field; with `nonEmpty`, an empty or blank string is an issue too.
    func string(_ key: String, required: Bool = false, nonEmpty: Bool = true, issues: inout [ValidationIssue]) -> String? {
        guard let text = field(key, required: required, expected: "a string", issues: &issues, \.stringValue) else { return nil }
        if nonEmpty && text.allSatisfy(\.isWhitespace) {
            issues.append(path.appending(key), "is empty; expected a non-empty string")
            return nil
        }
        return text
    }

    /// A number field.
    func number(_ key: String, issues: inout [ValidationIssue]) -> Double? {
        field(key, expected: "a number of seconds", issues: &issues, \.numberValue)
    }

    /// A field holding an array of strings.
    func strings(_ key: String, issues: inout [ValidationIssue]) -> [String]? {
        field(key, expected: "an array of strings", issues: &issues) { value in
            value.arrayValue.flatMap { elements in
                let strings = elements.compactMap(\.stringValue)
                return strings.count == elements.count ? strings : nil
            }
        }
    }
}

extension JSONObjectReader {
    /// A string field in a fixed format (a time, a date), parsed; a string in another format is an issue.
    func text<T: TextRepresentable>(_ type: T.Type, _ key: String, required: Bool = false, issues: inout [ValidationIssue]) -> T? {
        guard let text = field(key, required: required, expected: "a string (\(T.noun))", issues: &issues, \.stringValue) else { return nil }
        guard let value = T(text) else {
            issues.append(path.appending(key), T.rejection(of: text))
            return nil
        }
        return value
    }
}
