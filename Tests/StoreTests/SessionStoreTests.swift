import Foundation
@testable import Store
import TestSupport
import Testing

/// Web sessions in the store: kept by the hash of their cookie, with their user's current role,
/// gone when they expire, end, or their user gets a new token.
struct SessionStoreTests {
    static let hashA = String(repeating: "a", count: 64)
    static let hashB = String(repeating: "b", count: 64)
    static let hashC = String(repeating: "c", count: 64)

    @Test func aSessionHoldsUntilItExpiresWithItsUsersCurrentRole() throws {
        let fixture = try StoreFixture()
        try fixture.database.saveUser(name: "ana", role: .viewer, tokenHash: UserTests.hashA, actor: "admin")
        let session = try fixture.database.startSession(idHash: Self.hashA, user: "ana", lifetime: 3600)
        #expect(session.expiresAt.timeIntervalSince(session.createdAt) == 3600)
        #expect(try fixture.database.session(idHash: Self.hashA)?.user.role == .viewer)
        #expect(try fixture.database.session(idHash: Self.hashA, now: session.expiresAt) == nil)
        #expect(try fixture.database.session(idHash: Self.hashB) == nil)
        #expect(try fixture.database.auditEntries(limit: 1).first?.action == .sessionStart)
    }

    @Test func endingASessionOrReplacingTheUsersTokenDeletesIt() throws {
        let fixture = try StoreFixture()
        try fixture.database.saveUser(name: "ana", role: .viewer, tokenHash: UserTests.hashA, actor: "admin")
        try fixture.database.startSession(idHash: Self.hashA, user: "ana", lifetime: 3600)
        try fixture.database.startSession(idHash: Self.hashB, user: "ana", lifetime: 3600)
        try fixture.database.endSession(idHash: Self.hashA)
        #expect(try fixture.database.session(idHash: Self.hashA) == nil)
        #expect(try fixture.database.auditEntries(limit: 1).first?.action == .sessionEnd)
        try fixture.database.saveUser(name: "ana", role: .admin, tokenHash: UserTests.hashB, actor: "admin")
        #expect(try fixture.database.session(idHash: Self.hashB) == nil)
    }

    @Test func expiredSessionsAreDeletedWhenSomeoneLogsIn() throws {
        let fixture = try StoreFixture()
        try fixture.database.saveUser(name: "ana", role: .viewer, tokenHash: UserTests.hashA, actor: "admin")
        try fixture.database.startSession(idHash: Self.hashA, user: "ana", lifetime: 0.01)
        Thread.sleep(forTimeInterval: 0.05)
        try fixture.database.startSession(idHash: Self.hashB, user: "ana", lifetime: 3600)
        let rows = try fixture.database.read { db in try SessionRow.fetchAll(db).map(\.idHash) }
        #expect(rows == [Self.hashB])
    }

    @Test func unknownUsersBadHashesAndNoLifetimeAreRefused() throws {
        let fixture = try StoreFixture()
        try fixture.database.saveUser(name: "ana", role: .viewer, tokenHash: UserTests.hashA, actor: "admin")
        #expect(throws: StoreError.self) { try fixture.database.startSession(idHash: Self.hashC, user: "nobody", lifetime: 60) }
        #expect(throws: StoreError.self) { try fixture.database.startSession(idHash: "not-a-hash", user: "ana", lifetime: 60) }
        #expect(throws: StoreError.self) { try fixture.database.startSession(idHash: Self.hashC, user: "ana", lifetime: 0) }
        #expect(try fixture.database.session(idHash: Self.hashC) == nil)
    }
}
