import GRDB

extension AuditEntry: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "auditLog"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let channel = Column(CodingKeys.channel)
    }
}
