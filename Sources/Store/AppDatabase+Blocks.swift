import Foundation
import GRDB

extension AppDatabase {
    /// Stores a new recurring block for `channel` and returns it with its id; `definition` is
    /// the block as JSON, kept as it is.
    @discardableResult
    public func saveBlock(channel: String, title: String, definition: Data, actor: String) throws(StoreError) -> SavedBlock {
        let actor = try Self.validActor(actor)
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw .invalid(field: "block.title", reason: "is empty; expected the block's title") }
        return try write { db in
            _ = try Self.existingChannel(channel, in: db)
            var block = SavedBlock(channel: channel, title: title, definition: definition, createdAt: Self.now())
            guard String(data: definition, encoding: .utf8) != nil,
                  try Bool.fetchOne(db, sql: "SELECT json_valid(?)", arguments: [String(decoding: definition, as: UTF8.self)]) == true
            else {
                throw StoreError.invalid(field: "block.definition", reason: "is not UTF-8 JSON; expected the block as a JSON document")
            }
            try block.insert(db)
            try AuditEntry(at: block.createdAt, actor: actor, action: .blockSave, channel: channel, detail: "block \(block.id ?? 0) \(title)").insert(db)
            return block
        }
    }

    /// `channel`'s recurring blocks, oldest first.
    public func blocks(channel: String) throws(StoreError) -> [SavedBlock] {
        try read { db in
            try SavedBlock.filter(SavedBlock.Columns.channel == channel).order(SavedBlock.Columns.id).fetchAll(db)
        }
    }
}
