import Foundation
import Scheduling

/// A row of `rundownPublication`: which version of a channel's day airs, and who chose it.
struct RundownPublication: Codable {
    var channelId: String
    var date: BroadcastDate
    var publishedVersion: Int
    var publishedBy: String
    var publishedAt: Date
}
