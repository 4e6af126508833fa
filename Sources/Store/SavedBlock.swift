import Foundation

/// A channel's recurring block as stored: its definition is kept as opaque JSON, so the store
/// does not depend on how the Scheduling module models blocks.
public struct SavedBlock: Sendable, Hashable {
    /// Assigned by the database when the block is saved.
    public var id: Int64?
    public var channel: String
    public var title: String
    /// The block, as UTF-8 JSON.
    public var definition: Data
    public var createdAt: Date

    public init(id: Int64? = nil, channel: String, title: String, definition: Data, createdAt: Date) {
        self.id = id
        self.channel = channel
        self.title = title
        self.definition = definition
        self.createdAt = createdAt
    }
}
