/// The only file names a channel folder serves as segments (rule S3): `segment-` and six digits,
/// `.ts`. Checked on the name as requested, before anything touches the disk, so `..`, `%2e%2e`,
/// `%2f`, backslashes and NUL bytes never reach a path.
enum SegmentName {
    static func isValid(_ name: some StringProtocol) -> Bool {
        // A byte check, not a regex: this runs on every segment request.
        let bytes = Array(name.utf8)
        return bytes.count == 17 && bytes.starts(with: Array("segment-".utf8)) && bytes.suffix(3).elementsEqual(".ts".utf8)
            && bytes[8..<14].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
