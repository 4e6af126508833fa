import Foundation

/// A live playlist as a signed request gets it: each URI line carries the request's signed
/// query, so players fetch every segment with the same credentials and no headers.
enum SignedPlaylist {
    static func rewrite(_ playlist: String, query: SignedQuery) -> String {
        let lines = playlist.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return String(line) }
            return trimmed + (trimmed.contains("?") ? "&" : "?") + query.text
        }
        return lines.joined(separator: "\n")
    }
}
