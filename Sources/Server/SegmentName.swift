/// The only file names a channel folder serves as segments (rule S3): `segment-` and six digits,
/// `.ts`. Checked on the name as requested, before anything touches the disk, so `..`, `%2e%2e`,
/// `%2f`, backslashes and NUL bytes never reach a path.
enum SegmentName {
    static func isValid(_ name: some StringProtocol) -> Bool {
        String(name).wholeMatch(of: /segment-[0-9]{6}\.ts/) != nil
    }
}
