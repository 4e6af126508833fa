import GRDB

extension LiveSource: FetchableRecord, PersistableRecord {
    public enum Columns {
        public static let channel = Column(CodingKeys.channel)
        public static let name = Column(CodingKeys.name)
    }
}

extension BreakoutRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "breakout"

    public enum Columns {
        public static let channel = Column(CodingKeys.channel)
        public static let startedAt = Column(CodingKeys.startedAt)
        public static let endedAt = Column(CodingKeys.endedAt)
    }
}
