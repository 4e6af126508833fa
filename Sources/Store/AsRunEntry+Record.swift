import GRDB

extension AsRunEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "asRun"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let channel = Column(CodingKeys.channel)
        public static let date = Column(CodingKeys.date)
        public static let actualStart = Column(CodingKeys.actualStart)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
