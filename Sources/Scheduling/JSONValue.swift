import Foundation

/// A JSON document as plain values, read before validation so that every problem
/// (not just the first a typed decoder would hit) can be reported with its path.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses UTF-8 JSON text in time linear in its size; text that is not JSON, or beyond
    /// `JSONLimits.standard`, gives one issue with its path and the reason.
    ///
    /// Foundation's parser builds the document; it is then converted here. Decoding `JSONValue`
    /// through `Decodable` instead costs about the cube of the nesting depth: each level's failed
    /// tries (a bool? a number?) make a `DecodingError` whose coding path Foundation builds in time
    /// quadratic in the depth.
    static func parse(_ data: Data) throws(RundownValidationError) -> JSONValue {
        do {
            try JSONLimits.standard.check(data)
        } catch {
            throw RundownValidationError(issues: [ValidationIssue(path: error.path, message: error.message)])
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let issue = ValidationIssue(path: JSONPath.root.description, message: "not valid JSON (\(syntaxErrorReason(error, in: data))); expected a rundown object in UTF-8 JSON")
            throw RundownValidationError(issues: [issue])
        }
        return JSONValue(serialized: object)
    }

    /// A value as `JSONSerialization` gives it: `NSNull`, booleans (`NSNumber`s of type `c`), other numbers, strings, arrays, dictionaries.
    /// Containers are matched before `NSNumber`: casting an array to `NSNumber` bridges the whole array first.
    private init(serialized object: Any) {
        switch object {
        case let text as String: self = .string(text)
        case let elements as [Any]: self = .array(elements.map(JSONValue.init(serialized:)))
        case let fields as [String: Any]: self = .object(fields.mapValues(JSONValue.init(serialized:)))
        case let number as NSNumber: self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        default: self = .null
        }
    }

    /// The reason Foundation's JSON parser gives in `error` for rejecting `data`, with the line and column when it names a position.
    private static func syntaxErrorReason(_ error: any Error, in data: Data) -> String {
        let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "syntax error"
        guard let marker = reason.range(of: "character "),
              let offset = Int(reason[marker.upperBound...].prefix(while: \.isNumber))
        else { return reason }
        let before = data.prefix(offset)
        let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "\(reason.trimmingCharacters(in: CharacterSet(charactersIn: "."))) (line \(line), column \(column))"
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value as a message shows it: scalars as written, containers by their kind.
    var summary: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): value.formattedSeconds
        case .string(let value): String(reflecting: value)
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension Double {
    /// The number as a person would write it: `90`, not `90.0`; `1.5` stays `1.5`.
    var formattedSeconds: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
