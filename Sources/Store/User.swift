import Foundation

/// Someone who may use the server, with what they may do. Their API token is never kept, only its
/// SHA-256 hash (see `AppDatabase.saveUser`).
public struct User: Sendable, Hashable, Codable {
    /// What a user may do; each role may do everything the ones before it may.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// Watches channels and reads schedules, guides and logs.
        case viewer
        /// Also edits and publishes rundowns.
        case producer
        /// Also takes and returns live feeds.
        case `operator`
        /// Also creates channels and manages users.
        case admin

        public static func < (lhs: Role, rhs: Role) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Unique: 1–64 letters, digits, `.`, `_`, `@` or `-`, so it fits a URL query unescaped.
    public var name: String
    public var role: Role
    public var createdAt: Date

    public init(name: String, role: Role, createdAt: Date) {
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }

    /// Whether `name` is a valid user name: `^[A-Za-z0-9._@-]{1,64}$`.
    public static func isValidName(_ name: String) -> Bool {
        name.wholeMatch(of: /[A-Za-z0-9._@-]{1,64}/) != nil
    }
}
