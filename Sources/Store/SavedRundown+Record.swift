import Foundation
import GRDB
import Scheduling

extension SavedRundown: FetchableRecord {
    /// Reads a row of `request(where:)`: a `rundownVersion` row plus its `isPublished` flag.
    public init(row: Row) throws {
        let version: RundownVersion = try RundownVersion(row: row)
        let rundown: Rundown
        do {
            rundown = try JSONDecoder().decode(Rundown.self, from: Data(version.document.utf8))
        } catch {
            throw StoreError.storage("stored version \(version.version) of the rundown of \(version.channelId) for \(version.date) does not decode: \(error)")
        }
        self.init(version: version.version, rundown: rundown, savedBy: version.savedBy, savedAt: version.savedAt, isPublished: row["isPublished"])
    }

    /// Saved versions with their publication flag; `condition` (SQL after WHERE, may end in
    /// ORDER BY / LIMIT) selects them, naming the version table `v` and the publication `p`.
    static func request(where condition: SQL) -> SQLRequest<SavedRundown> {
        let select: SQL = """
            SELECT v.*, p.publishedVersion IS v.version AS isPublished
            FROM rundownVersion v
            LEFT JOIN rundownPublication p ON p.channelId = v.channelId AND p.date = v.date
            WHERE
            """
        return SQLRequest(literal: select + " " + condition)
    }
}
