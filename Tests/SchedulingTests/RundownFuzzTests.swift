import Foundation
import PropertyBased
import Scheduling
import Testing

/// Fuzzing of the rundown parser and validator (issue 13): random and mutated rundown documents
/// never crash it, and each one is either accepted (and then resolves into a timeline) or rejected
/// with issues that each name a JSON path and a reason. 2000 inputs by default; set
/// `SRETV_FUZZ_COUNT` to run more (a failure prints the seed that reproduces it).
@Suite struct RundownFuzzTests {
    /// Inputs per run.
    static let count = ProcessInfo.processInfo.environment["SRETV_FUZZ_COUNT"].flatMap(Int.init) ?? 2000

    @Test func mutatedExampleRundownsAreAcceptedOrRejectedWithAPathAndAReason() async throws {
        let examples = try ExamplePlaylistTests.files.map { file in
            try JSONSerialization.jsonObject(with: Data(contentsOf: ExamplePlaylistTests.playlists.appendingPathComponent(file)))
        }.map(JSONBox.init)
        let mutation = zip(Gen.int(in: 0...(RundownMutation.kinds - 1)), Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000))
            .map { RundownMutation(kind: $0, pick: $1, variant: $2) }
        await propertyCheck(count: Self.count, input: Gen.int(in: 0...(examples.count - 1)), mutation.array(of: 1...4)) { example, mutations in
            check(RundownMutation.apply(mutations, to: examples[example].value))
        }
    }

    @Test func randomBytesAreRejectedWithAPathAndAReason() async {
        await propertyCheck(count: Self.count / 4, input: Gen.uint8(in: 0...255).array(of: 0...300)) { bytes in
            check(Data(bytes))
        }
    }

    /// Parses `data`; whatever the outcome, it must be a clean accept or a reasoned reject.
    private func check(_ data: Data) {
        do {
            let rundown = try Rundown.parse(data)
            #expect(!rundown.items.isEmpty)
            let timeline = TimelineResolver.resolve(rundown, media: { _ in
                .available(MediaFacts(duration: Ticks(30 * Ticks.perSecond), keyframes: []))
            }, liveAllowed: true)
            #expect(timeline.duration >= .zero)
        } catch {
            #expect(!error.issues.isEmpty, "rejected without an issue: \(String(decoding: data.prefix(300), as: UTF8.self))")
            for issue in error.issues {
                #expect(!issue.path.isEmpty && !issue.message.isEmpty, "issue without a path or reason: \(issue)")
            }
        }
    }
}

/// A parsed JSON document, passed between generators (JSONSerialization's values are not Sendable).
struct JSONBox: @unchecked Sendable {
    let value: Any
}

/// One change to a rundown document: its structure (a key deleted or duplicated, a value of the
/// wrong type, deep nesting, a huge number, an odd string) or its bytes (garbage, a cut).
struct RundownMutation: Sendable, CustomStringConvertible {
    static let kinds = 8
    /// Which change (0 ..< kinds).
    let kind: Int
    /// Which value or byte it lands on (modulo their count).
    let pick: Int
    /// Which replacement it uses (modulo their count).
    let variant: Int

    var description: String { "mutation \(kind) at \(pick), variant \(variant)" }

    private static let wrongTypes = ["0", "-1", "true", "false", "null", "\"\"", "[]", "{}", "\"x\"", "1.5", "[{}]", "{\"kind\":null}"]
    private static let hugeNumbers = [
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809",
        "4294967296", "-0", "0.000000000000000000001", "86400000000000",
    ]
    private static let oddStrings = [
        "", "\\u0000", "../../etc/passwd", "file:///etc/passwd", "concat:a.mp4|b.mp4", "http://169.254.169.254/latest",
        "http://[fe80::1]/x.ts", "subfile,,start,0,end,0,,:/etc/passwd", "\\u202egnp.exe", "😀🇲🇽", "\\ud800", "24:00:00",
        "-00:00:01", "99:99:99", "9999-99-99", "2026-02-30", "1e9", "\\\\server\\share", "a/../../b.mp4", "/abs/path.mp4",
        String(repeating: "x", count: 70_000), "%2e%2e/%2fetc", "Etc/GMT+99", "America/Nowhere",
    ]

    /// The document `root` as JSON text with `mutations` applied, in order.
    static func apply(_ mutations: [RundownMutation], to root: Any) -> Data {
        var tree = root
        var raw: [String] = []
        var bytesMutations: [RundownMutation] = []
        for mutation in mutations {
            if mutation.kind >= 6 { bytesMutations.append(mutation) } else { mutation.applyToTree(&tree, raw: &raw) }
        }
        guard var text = (try? JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .fragmentsAllowed])).map({ String(decoding: $0, as: UTF8.self) }) else {
            return Data()
        }
        for (index, replacement) in raw.enumerated() { text = text.replacingOccurrences(of: "\"\(placeholder(index))\"", with: replacement) }
        var bytes = Array(text.utf8)
        for mutation in bytesMutations { mutation.applyToBytes(&bytes) }
        return Data(bytes)
    }

    private static func placeholder(_ index: Int) -> String { "@@sretv-raw-\(index)@@" }

    /// Every value in the tree, as a path of keys and indices.
    private static func paths(in value: Any, prefix: [PathStep] = []) -> [[PathStep]] {
        var found = [prefix]
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { found += paths(in: object[key]!, prefix: prefix + [.key(key)]) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { found += paths(in: element, prefix: prefix + [.index(index)]) }
        }
        return found
    }

    private enum PathStep { case key(String), index(Int) }

    private func applyToTree(_ tree: inout Any, raw: inout [String]) {
        let all = Self.paths(in: tree)
        let path = all[pick % all.count]
        let text: String
        switch kind {
        case 0: // delete the key or element
            Self.update(&tree, at: path) { _ in nil }
            return
        case 1: // duplicate the key with another value (in the text: JSON allows it, parsers differ)
            guard case .key(let key) = path.last, let value = Self.value(in: tree, at: path) else { return }
            let original = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) } ?? "null"
            text = "\(original), \(Self.quoted(key)): \(Self.wrongTypes[variant % Self.wrongTypes.count])"
        case 2: // a value of the wrong type
            text = Self.wrongTypes[variant % Self.wrongTypes.count]
        case 3: // deep nesting
            let depth = [2, 64, 600, 5_000, 100_000][variant % 5]
            let (open, close) = variant % 2 == 0 ? ("[", "]") : ("{\"a\":", "}")
            text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
        case 4: // a huge or odd number
            text = Self.hugeNumbers[variant % Self.hugeNumbers.count]
        default: // an odd string
            text = "\"\(Self.oddStrings[variant % Self.oddStrings.count])\""
        }
        raw.append(text)
        let placeholder = Self.placeholder(raw.count - 1)
        Self.update(&tree, at: path) { _ in placeholder }
    }

    /// The value at `path`, if there is one.
    private static func value(in tree: Any, at path: [PathStep]) -> Any? {
        path.reduce(Optional(tree)) { value, step in
            switch step {
            case .key(let key): (value as? [String: Any])?[key]
            case .index(let index): (value as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
        }
    }

    private func applyToBytes(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        let at = pick % bytes.count
        if kind == 6 {
            // Garbage: a few bytes replaced (any value, invalid UTF-8 included).
            for offset in 0..<(variant % 8 + 1) where at + offset < bytes.count {
                bytes[at + offset] = UInt8(truncatingIfNeeded: variant >> offset)
            }
        } else {
            bytes.removeSubrange(at...)
        }
    }

    private static func quoted(_ key: String) -> String {
        (try? JSONSerialization.data(withJSONObject: key, options: [.fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// Replaces the value at `path` with `change(value)`, or removes it when that is nil.
    private static func update(_ value: inout Any, at path: [PathStep], _ change: (Any) -> Any?) {
        guard let step = path.first else {
            value = change(value) ?? NSNull()
            return
        }
        let rest = Array(path.dropFirst())
        switch step {
        case .key(let key):
            guard var object = value as? [String: Any], var child = object[key] else { return }
            if rest.isEmpty {
                object[key] = change(child)
            } else {
                update(&child, at: rest, change)
                object[key] = child
            }
            value = object
        case .index(let index):
            guard var array = value as? [Any], array.indices.contains(index) else { return }
            if rest.isEmpty {
                if let changed = change(array[index]) { array[index] = changed } else { array.remove(at: index) }
            } else {
                update(&array[index], at: rest, change)
            }
            value = array
        }
    }
}
