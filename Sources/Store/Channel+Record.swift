import Foundation
import GRDB

extension Channel: FetchableRecord, PersistableRecord {
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let timeZone = Column("timeZone")
        public static let filler = Column("filler")
        public static let createdAt = Column("createdAt")
    }

    public init(row: Row) throws {
        let id: String = row[Columns.id]
        let identifier: String = row[Columns.timeZone]
        guard let timeZone = TimeZone(checkedName: identifier) else {
            throw StoreError.storage("channel \(id) has unknown time zone \(String(reflecting: identifier)); set a known IANA name")
        }
        self.init(id: id, name: row[Columns.name], timeZone: timeZone, filler: row[Columns.filler], createdAt: row[Columns.createdAt])
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.name] = name
        container[Columns.timeZone] = timeZone.identifier
        container[Columns.filler] = filler
        container[Columns.createdAt] = createdAt
    }
}
