import GRDB
import Scheduling

extension AppDatabase {
    /// Appends `entry` to the as-run log and returns it with its id. Not audited: the as-run log
    /// is itself the record of what playout did.
    @discardableResult
    public func recordAsRun(_ entry: AsRunEntry) throws(StoreError) -> AsRunEntry {
        guard entry.actualEnd >= entry.actualStart else {
            throw .invalid(field: "asRun.actualEnd", reason: "\(entry.actualEnd) is before actualStart \(entry.actualStart); expected an end at or after the start")
        }
        return try write { db in
            _ = try Self.existingChannel(entry.channel, in: db)
            var recorded = entry
            try recorded.insert(db)
            return recorded
        }
    }

    /// The as-run log of `channel`'s broadcast day `date`, in air order.
    public func asRun(channel: String, date: BroadcastDate) throws(StoreError) -> [AsRunEntry] {
        try read { db in
            try AsRunEntry
                .filter(AsRunEntry.Columns.channel == channel && AsRunEntry.Columns.date == date)
                .order(AsRunEntry.Columns.actualStart, AsRunEntry.Columns.id)
                .fetchAll(db)
        }
    }
}
