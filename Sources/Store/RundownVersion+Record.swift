import GRDB
import Scheduling

extension RundownVersion: FetchableRecord, PersistableRecord {
    public enum Columns {
        public static let channelId = Column("channelId")
        public static let date = Column("date")
        public static let version = Column("version")
    }

    /// The highest version saved for `channel`'s `date`.
    static func latest(channel: String, date: BroadcastDate) -> QueryInterfaceRequest<RundownVersion> {
        filter(Columns.channelId == channel && Columns.date == date).order(Columns.version.desc).limit(1)
    }
}
