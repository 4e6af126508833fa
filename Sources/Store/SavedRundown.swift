import Foundation
import Scheduling

/// One saved version of a channel's rundown for a day, with who saved it and whether it airs.
public struct SavedRundown: Sendable, Hashable {
    /// 1 for the first save of the channel's day, one more for each save after it.
    public var version: Int
    public var rundown: Rundown
    public var savedBy: String
    public var savedAt: Date
    /// Whether this is the published version, the one that airs.
    public var isPublished: Bool

    public init(version: Int, rundown: Rundown, savedBy: String, savedAt: Date, isPublished: Bool) {
        self.version = version
        self.rundown = rundown
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.isPublished = isPublished
    }
}
