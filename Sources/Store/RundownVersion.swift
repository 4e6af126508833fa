import Foundation
import Scheduling

/// A row of `rundownVersion`: one saved version of a rundown, its document as JSON text.
struct RundownVersion: Codable {
    var channelId: String
    var date: BroadcastDate
    var version: Int
    var document: String
    var savedBy: String
    var savedAt: Date
}
