import Foundation

/// A file in the media library: what it is, where it lies under the media root and whether it can air.
public struct MediaAsset: Sendable, Hashable, Codable {
    /// Where an asset stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Being copied in; there is no file at `uri` yet.
        case ingesting
        /// Copied, examined and airable (its verdict may still have warnings).
        case ready
        /// The ingest failed (`error` says why); there is no file at `uri`.
        case failed
        /// Copied and examined, but its verdict has problems: it cannot air as it is (`error` lists them).
        case notAirable = "not-airable"
    }

    /// Who made the media: SREtv's own productions or public-media providers.
    public enum Kind: String, Sendable, Hashable, Codable {
        case production
        case `public`
    }

    public var id: Int64
    public var title: String
    public var kind: Kind
    public var provider: String?
    public var category: String?
    public var tags: [String]
    /// The file's path under the media root, as rundowns name it.
    public var uri: String
    /// Where the file was ingested from.
    public var sourceURL: String?
    /// Probed playable length in seconds.
    public var duration: Double?
    /// The probed facts (`sretv probe`'s JSON).
    public var facts: String?
    /// SHA-256 of the file, 64 lowercase hex digits.
    public var checksum: String?
    /// Whether it can air on the channel and what would make it air badly, as JSON (the Playout
    /// module's `MediaVerdict`: airable, problems, warnings, longestGOP, loudness).
    public var verdict: String?
    /// Path of its JPEG thumbnail under the media root, beside the file; nil without video.
    public var thumbnail: String?
    public var status: Status
    public var error: String?
    public var createdAt: Date
    public var updatedAt: Date

    /// Where the asset's thumbnail belongs under the media root: beside the file, with the extension `.jpg`.
    public var thumbnailPath: String { (uri as NSString).deletingPathExtension + ".jpg" }

    /// The library path of asset `id` from `provider` titled `title`: `library/<provider>/<id>-<title>.<ext>`,
    /// with both names reduced to lowercase letters, digits and `-`.
    static func libraryPath(id: Int64, provider: String, title: String, fileExtension: String) -> String {
        "library/\(slug(provider))/\(id)-\(slug(title)).\(fileExtension)"
    }

    private static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "untitled" : String(words.joined(separator: "-").prefix(60))
    }
}
