import Foundation

/// A live playlist as a signed request gets it: each URI line carries the request's signed
/// query, so players fetch every segment with the same credentials and no headers.
enum SignedPlaylist {
    static func rewrite(_ playlist: String, query: SignedQuery) -> String {
        // Runs on every signed playlist request: one pass over the lines, no per-line Foundation calls.
        let suffix = query.text
        var result = ""
        result.reserveCapacity(playlist.utf8.count + 16 * (suffix.utf8.count + 1))
        for (index, line) in playlist.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result += "\n" }
            let uri = line.trimmingSpaces
            guard let first = uri.utf8.first, first != UInt8(ascii: "#") else {
                result += line
                continue
            }
            result += uri
            result += uri.utf8.contains(UInt8(ascii: "?")) ? "&" : "?"
            result += suffix
        }
        return result
    }
}

private extension Substring {
    /// The line without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let blank = { (character: Character) in character == " " || character == "\t" || character == "\r" }
        guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else { return self[endIndex...] }
        return self[start...end]
    }
}
