import Foundation
import Store
import Testing

struct BlockTests {
    @Test func blocksKeepTheirJSONAsSavedAndAreAudited() throws {
        let fixture = try StoreFixture()
        let definition = Data(#"{"title":"Noticiero","days":["mon","tue"],"start":"07:00:00"}"#.utf8)
        let saved = try fixture.database.saveBlock(channel: "news", title: "Noticiero", definition: definition, actor: "ana")

        let blocks = try fixture.database.blocks(channel: "news")
        #expect(blocks == [saved])
        #expect(blocks.first?.definition == definition)
        #expect(try fixture.database.blocks(channel: "sports").isEmpty)
        let audit = try #require(try fixture.database.auditEntries(channel: "news").first)
        #expect(audit.action == .blockSave)
        #expect(audit.detail == "block \(saved.id ?? -1) Noticiero")
    }

    @Test func blockMustBeJSONOfAnExistingChannel() throws {
        let fixture = try StoreFixture()
        let notJSON = storeError { try fixture.database.saveBlock(channel: "news", title: "Bad", definition: Data("{days:".utf8), actor: "ana") }
        guard case .invalid(let field, _) = notJSON else {
            Issue.record("expected .invalid, got \(String(describing: notJSON))")
            return
        }
        #expect(field == "block.definition")
        let ghost = storeError { try fixture.database.saveBlock(channel: "ghost", title: "T", definition: Data("{}".utf8), actor: "ana") }
        #expect(ghost == .notFound(.channel("ghost")))
        #expect(try fixture.database.blocks(channel: "news").isEmpty)
    }
}
