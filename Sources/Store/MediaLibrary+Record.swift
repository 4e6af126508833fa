import GRDB

extension MediaAsset: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "mediaAsset"

    public enum Columns {
        public static let title = Column("title")
        public static let provider = Column("provider")
        public static let tags = Column("tags")
        public static let category = Column("category")
        public static let status = Column("status")
    }
}

extension Job: FetchableRecord, PersistableRecord {
    public enum Columns {
        public static let state = Column("state")
    }
}

extension Provider: FetchableRecord, PersistableRecord {}
