import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// Stores `block` for `channel` (replacing a block with the same id) and returns it as saved.
    @discardableResult
    public func saveBlock(_ block: RecurringBlock, channel: String, actor: String) throws(StoreError) -> SavedBlock {
        let actor = try Self.validActor(actor)
        return try write { db in
            _ = try Self.existingChannel(channel, in: db)
            let replaced = try Self.blocks(channel: channel, in: db).filter { $0.block.id == block.id }
            for old in replaced { _ = try old.delete(db) }
            var saved = SavedBlock(channel: channel, block: block, createdAt: Self.now())
            try saved.insert(db)
            let verb = replaced.isEmpty ? "added" : "replaced"
            try AuditEntry(at: saved.createdAt, actor: actor, action: .blockSave, channel: channel, detail: "block \(block.id) \(verb): \(block.title)").insert(db)
            return saved
        }
    }

    /// `channel`'s recurring blocks, oldest first.
    public func blocks(channel: String) throws(StoreError) -> [SavedBlock] {
        try read { db in try Self.blocks(channel: channel, in: db) }
    }

    private static func blocks(channel: String, in db: Database) throws -> [SavedBlock] {
        try SavedBlock.filter(SavedBlock.Columns.channel == channel).order(SavedBlock.Columns.id).fetchAll(db)
    }
}
