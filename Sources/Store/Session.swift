import Foundation

/// A browser login: who it is and until when it holds. The cookie value is never kept, only its
/// SHA-256 (`idHash`), as with API tokens.
public struct Session: Sendable, Hashable {
    /// SHA-256 of the cookie value, 64 lowercase hex digits.
    public var idHash: String
    public var user: User
    public var createdAt: Date
    public var expiresAt: Date

    public init(idHash: String, user: User, createdAt: Date, expiresAt: Date) {
        self.idHash = idHash
        self.user = user
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
