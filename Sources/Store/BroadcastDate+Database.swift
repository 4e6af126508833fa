import GRDB
import Scheduling

/// Stored as its `YYYY-MM-DD` text, so dates sort and compare in SQL as they do in Swift.
extension BroadcastDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BroadcastDate? {
        String.fromDatabaseValue(dbValue).flatMap(BroadcastDate.init)
    }
}
