import Foundation
@testable import Store
import Testing

/// Issue 13: a channel's time zone with a NUL and anything after it (`"UTC\0junk"`) was accepted and stored.
struct ChannelTimeZoneTests {
    @Test func aChannelTimeZoneWithANULIsRefused() throws {
        let fixture = try StoreFixture()
        let error = storeError { try fixture.database.createChannel(id: "nul", name: "NUL", timeZone: "UTC\u{0}junk", actor: "ana") }
        guard case .invalid(let field, _) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(field == "channel.timezone")
        #expect(try fixture.database.channel(id: "nul") == nil)
    }
}
