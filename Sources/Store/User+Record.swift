import Foundation
import GRDB

/// A row of `user`: the user and the hash of their current token.
struct UserRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "user"

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let tokenHash = Column(CodingKeys.tokenHash)
    }

    var name: String
    var role: User.Role
    var tokenHash: String
    var createdAt: Date

    var user: User { User(name: name, role: role, createdAt: createdAt) }
}
