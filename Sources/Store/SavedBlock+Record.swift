import Foundation
import GRDB

/// The definition is stored as JSON text (not a blob) so SQLite's JSON functions can read it.
extension SavedBlock: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "recurringBlock"

    public enum Columns {
        public static let id = Column("id")
        public static let channel = Column("channelId")
        public static let title = Column("title")
        public static let definition = Column("definition")
        public static let createdAt = Column("createdAt")
    }

    public init(row: Row) {
        let definition: String = row[Columns.definition]
        self.init(id: row[Columns.id], channel: row[Columns.channel], title: row[Columns.title], definition: Data(definition.utf8), createdAt: row[Columns.createdAt])
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.channel] = channel
        container[Columns.title] = title
        container[Columns.definition] = String(decoding: definition, as: UTF8.self)
        container[Columns.createdAt] = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
