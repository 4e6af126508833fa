import GRDB

extension AuditEntry: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "auditLog"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let channel = Column(CodingKeys.channel)
        public static let at = Column(CodingKeys.at)
        public static let actor = Column(CodingKeys.actor)
        public static let action = Column(CodingKeys.action)
        public static let detail = Column(CodingKeys.detail)
        public static let address = Column(CodingKeys.address)
        public static let count = Column(CodingKeys.count)
    }
}
