import Foundation
import GRDB
import Scheduling

/// The block is stored as JSON text (not a blob) so SQLite's JSON functions can read it; its
/// title has a column of its own for listings.
extension SavedBlock: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "recurringBlock"

    public enum Columns {
        public static let id = Column("id")
        public static let channel = Column("channelId")
        public static let title = Column("title")
        public static let definition = Column("definition")
        public static let createdAt = Column("createdAt")
    }

    public init(row: Row) throws {
        let definition: String = row[Columns.definition]
        let block = try JSONDecoder().decode(RecurringBlock.self, from: Data(definition.utf8))
        self.init(id: row[Columns.id], channel: row[Columns.channel], block: block, createdAt: row[Columns.createdAt])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        container[Columns.id] = id
        container[Columns.channel] = channel
        container[Columns.title] = block.title
        container[Columns.definition] = String(decoding: try encoder.encode(block), as: UTF8.self)
        container[Columns.createdAt] = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
