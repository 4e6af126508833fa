import Foundation
import GRDB

/// A row of `session`: the hashed cookie value, its user's name and its lifetime.
struct SessionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"

    enum Columns {
        static let idHash = Column(CodingKeys.idHash)
        static let userName = Column(CodingKeys.userName)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }

    var idHash: String
    var userName: String
    var createdAt: Date
    var expiresAt: Date
}
