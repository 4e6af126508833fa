import Foundation

/// Bounds on the shape of a JSON document, checked in one pass over its bytes before any parser
/// builds it, so that a small hostile body (thousands of nested brackets, millions of tiny values)
/// is refused in microseconds. Every JSON entry point checks them: `JSONValue.parse` (rundowns,
/// drafts, `sretv validate`) and the server's JSON bodies.
public struct JSONLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted (the root container is depth 1).
    public var maxDepth: Int
    /// The most values accepted, counted as brackets opened plus separators (`,`) plus one.
    public var maxElements: Int

    /// Rundowns nest 5 levels and a day of 5-second items holds some 200 000 values.
    public static let standard = JSONLimits(maxDepth: 64, maxElements: 250_000)

    public init(maxDepth: Int, maxElements: Int) {
        (self.maxDepth, self.maxElements) = (maxDepth, maxElements)
    }

    /// Throws when `data` nests deeper than `maxDepth` (naming the JSON path where it does) or holds
    /// more than `maxElements` values. Text that is not JSON passes: the parser reports it.
    public func check(_ data: Data) throws(JSONLimitError) {
        var scanner = Scanner(limits: self)
        let failure = data.withUnsafeBytes { bytes -> JSONLimitError? in
            do throws(JSONLimitError) {
                for byte in bytes { try scanner.read(byte) }
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// The state of one pass: inside a string or not, and the open containers with where in them it is.
    private struct Scanner {
        enum Frame {
            case array(index: Int)
            /// `key` is the last key read; `expectsKey` is true after `{` and `,`.
            case object(key: [UInt8], expectsKey: Bool)
        }

        let limits: JSONLimits
        var frames: [Frame] = []
        var elements = 1
        var inString = false
        var escaped = false
        /// The bytes of the string being read, kept only when it is an object key.
        var key: [UInt8]?

        init(limits: JSONLimits) {
            self.limits = limits
        }

        mutating func read(_ byte: UInt8) throws(JSONLimitError) {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if let key, case .object = frames.last { frames[frames.count - 1] = .object(key: key, expectsKey: false) }
                    key = nil
                    return
                }
                if key != nil, key!.count < 64 { key!.append(byte) }
                return
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if case .object(_, true) = frames.last { key = [] }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                guard frames.count < limits.maxDepth else { throw .tooDeep(path: path, maxDepth: limits.maxDepth) }
                frames.append(byte == UInt8(ascii: "[") ? .array(index: 0) : .object(key: [], expectsKey: true))
                try count()
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = frames.popLast()
            case UInt8(ascii: ","):
                switch frames.last {
                case .array(let index): frames[frames.count - 1] = .array(index: index + 1)
                case .object(let key, _): frames[frames.count - 1] = .object(key: key, expectsKey: true)
                case nil: break
                }
                try count()
            default:
                break
            }
        }

        private mutating func count() throws(JSONLimitError) {
            elements += 1
            guard elements <= limits.maxElements else { throw .tooManyElements(maxElements: limits.maxElements) }
        }

        /// Where the container being opened sits, as validation issues write paths.
        private var path: String {
            frames.reduce(JSONPath.root) { path, frame in
                switch frame {
                case .array(let index): path.appending(index)
                case .object(let key, _): path.appending(String(decoding: key, as: UTF8.self))
                }
            }.description
        }
    }
}

/// A JSON document beyond `JSONLimits`.
public enum JSONLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Arrays and objects nest deeper than `maxDepth` at `path`.
    case tooDeep(path: String, maxDepth: Int)
    /// The document holds more than `maxElements` values.
    case tooManyElements(maxElements: Int)

    /// Where the problem is, as a JSON path (`$` for the whole document).
    public var path: String {
        switch self {
        case .tooDeep(let path, _): path
        case .tooManyElements: JSONPath.root.description
        }
    }

    /// What is wrong and what to do, without the path.
    public var message: String {
        switch self {
        case .tooDeep(_, let maxDepth):
            "arrays and objects nest deeper than \(maxDepth) levels here; flatten the document"
        case .tooManyElements(let maxElements):
            "the document holds more than \(maxElements) values; split it into smaller documents"
        }
    }

    public var description: String { "\(path): \(message)" }
}
