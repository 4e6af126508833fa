/// A single `Range: bytes=…` request header over a file of known size (RFC 9110 §14.1.2), as
/// browsers' `<video>` sends it: `bytes=A-B`, `bytes=A-` or `bytes=-N`. Several ranges at once are
/// not supported (the whole file is answered, which RFC 9110 allows).
struct ByteRange: Equatable {
    let range: ClosedRange<Int>

    /// The range `header` asks for in a file of `size` bytes: nil when there is no usable single
    /// range (answer the whole file); throws 416 when the range lies beyond the end.
    init?(header: String?, size: Int) throws(APIError) {
        guard let header, header.hasPrefix("bytes="), !header.contains(","), size > 0 else { return nil }
        let bounds = header.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard bounds.count == 2 else { return nil }
        switch (Int(bounds[0]), Int(bounds[1])) {
        case (let first?, let last) where bounds[1].isEmpty || last != nil:
            guard first < size else {
                var error = APIError(.rangeNotSatisfiable, "the range \(header) starts past the end of the \(size)-byte file")
                error.headers[.contentRange] = "bytes */\(size)"
                throw error
            }
            guard (last ?? first) >= first else { return nil }
            range = first...min(last ?? (size - 1), size - 1)
        case (nil, let suffix?) where bounds[0].isEmpty && suffix > 0:
            range = max(0, size - suffix)...(size - 1)
        default:
            return nil
        }
    }

    /// The `Content-Range` header of the answer.
    func contentRange(size: Int) -> String { "bytes \(range.lowerBound)-\(range.upperBound)/\(size)" }
}
