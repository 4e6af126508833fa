import Foundation
import Scheduling

/// A channel's recurring block as stored.
public struct SavedBlock: Sendable, Hashable {
    /// Assigned by the database when the block is saved.
    public var id: Int64?
    public var channel: String
    public var block: RecurringBlock
    public var createdAt: Date

    public init(id: Int64? = nil, channel: String, block: RecurringBlock, createdAt: Date) {
        self.id = id
        self.channel = channel
        self.block = block
        self.createdAt = createdAt
    }
}
