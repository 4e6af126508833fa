import Foundation

/// A source of public media (Canal Once, Notimex, SPR) and the hosts its files may be fetched
/// from; a provider with no hosts cannot be ingested from until an admin or producer sets them.
public struct Provider: Sendable, Hashable, Codable {
    public var name: String
    /// Host names, lowercase, sorted.
    public var hosts: [String]
    public var updatedAt: Date

    /// The providers every database starts with (with empty host lists).
    public static let predefined = ["Canal Once", "Notimex", "SPR"]
}
