/// A model type read from JSON by validation, so decoding it with a `Decoder` runs the same checks as `Rundown.parse(_:)`.
protocol JSONValidatable {
    /// The value at `path` as this type, or nil after recording every problem in `issues`.
    static func validate(_ value: JSONValue, at path: JSONPath, issues: inout [ValidationIssue]) -> Self?
}

extension JSONValidatable {
    /// Validates `value` as a whole document: the model, or every problem found.
    static func validated(_ value: JSONValue) throws(RundownValidationError) -> Self {
        var issues: [ValidationIssue] = []
        let result = validate(value, at: .root, issues: &issues)
        guard issues.isEmpty, let result else { throw RundownValidationError(issues: issues) }
        return result
    }

    /// The value `decoder` holds, validated; problems become one `DecodingError.dataCorrupted` listing them all.
    static func decoded(by decoder: any Decoder) throws -> Self {
        do {
            return try validated(JSONValue(from: decoder))
        } catch let error as RundownValidationError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}
