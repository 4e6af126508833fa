/// A value written in JSON as one string in a fixed format (a time of day, a date).
protocol TextRepresentable: Codable, CustomStringConvertible {
    /// What the value is, for messages: "a time of day".
    static var noun: String { get }
    /// What a valid string looks like, for messages: "expected HH:MM:SS …".
    static var expected: String { get }
    /// Parses the string form; fails on anything else.
    init?(_ text: String)
}

extension TextRepresentable {
    /// Why `text` is not a valid value, for a validation issue or a decoding error.
    static func rejection(of text: String) -> String {
        "\(String(reflecting: text)) is not \(noun); \(expected)"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.rejection(of: text)))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
