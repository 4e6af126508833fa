/// Builds an XML document as UTF-8 bytes, escaping text and attribute values.
struct XMLWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The document so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends markup as it is.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(0x20)
        raw(name)
        raw("=\"")
        escaped(value, inAttribute: true)
        bytes.append(0x22)
    }

    /// Appends `<name attributes>text</name>`, the text escaped.
    mutating func element(_ name: String, _ text: String, attributes: KeyValuePairs<String, String> = [:]) {
        bytes.append(0x3C)
        raw(name)
        for (key, value) in attributes { attribute(key, value) }
        bytes.append(0x3E)
        escaped(text, inAttribute: false)
        raw("</")
        raw(name)
        bytes.append(0x3E)
    }

    /// Appends `number` in decimal, zero-padded to `width` digits (`number` ≥ 0).
    mutating func digits(_ number: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 1, number >= divisor * 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends `text` with `&`, `<`, `>` and quotes as entities; drops control characters XML 1.0 forbids,
    /// and in attributes writes tab and line breaks as character references so parsers keep them.
    private mutating func escaped(_ text: String, inAttribute: Bool) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: raw("&amp;")
            case 0x3C: raw("&lt;")
            case 0x3E: raw("&gt;")
            case 0x22: raw("&quot;")
            case 0x27: raw("&apos;")
            case 0x09, 0x0A, 0x0D:
                if inAttribute { raw("&#\(byte);") } else { bytes.append(byte) }
            case ..<0x20: continue
            default: bytes.append(byte)
            }
        }
    }
}
