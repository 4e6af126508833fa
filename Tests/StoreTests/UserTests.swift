import Foundation
@testable import Store
import TestSupport
import Testing

struct UserTests {
    static let hashA = String(repeating: "a", count: 64)
    static let hashB = String(repeating: "b", count: 64)

    @Test func savedUserIsFoundByTheHashOfTheirToken() throws {
        let fixture = try StoreFixture()
        let saved = try fixture.database.saveUser(name: "ana", role: .producer, tokenHash: Self.hashA, actor: "admin")
        #expect(try fixture.database.user(tokenHash: Self.hashA) == saved)
        #expect(try fixture.database.user(tokenHash: Self.hashB) == nil)
        #expect(try fixture.database.users() == [saved])
    }

    @Test func savingAnExistingNameReplacesTokenAndRoleKeepsCreationAndIsAudited() throws {
        let fixture = try StoreFixture()
        let first = try fixture.database.saveUser(name: "ana", role: .viewer, tokenHash: Self.hashA, actor: "admin")
        let second = try fixture.database.saveUser(name: "ana", role: .operator, tokenHash: Self.hashB, actor: "root")
        #expect(second.createdAt == first.createdAt && second.role == .operator)
        #expect(try fixture.database.user(tokenHash: Self.hashA) == nil)
        #expect(try fixture.database.user(tokenHash: Self.hashB) == second)
        let audit = try fixture.database.auditEntries().filter { $0.action == .userSave }
        #expect(audit.map(\.actor) == ["root", "admin"])
        #expect(audit.first?.detail == "user ana token replaced, role viewer → operator")
    }

    @Test func invalidNamesAndHashesAreRefusedAndNothingIsStored() throws {
        let fixture = try StoreFixture()
        for name in ["", "a b", "x/../y", String(repeating: "n", count: 65)] {
            #expect(storeError { try fixture.database.saveUser(name: name, role: .viewer, tokenHash: Self.hashA, actor: "admin") }?.code == "invalid")
        }
        for hash in ["", "secret-token", Self.hashA.uppercased()] {
            #expect(storeError { try fixture.database.saveUser(name: "ana", role: .viewer, tokenHash: hash, actor: "admin") }?.code == "invalid")
        }
        #expect(try fixture.database.users().isEmpty)
    }

    @Test func rolesAreOrderedFromViewerToAdmin() {
        #expect(User.Role.allCases.sorted() == [.viewer, .producer, .operator, .admin])
        #expect(User.Role.producer >= .viewer && !(User.Role.producer >= .operator))
    }

    @Test func signingKeyIs32BytesMadeOnceAndKeptAcrossReopening() throws {
        let fixture = try StoreFixture()
        let key = try fixture.database.signingKey()
        #expect(key.count == 32)
        #expect(try fixture.database.signingKey() == key)
        #expect(try AppDatabase.open(at: fixture.path).signingKey() == key)
        #expect(try AppDatabase.inMemory().signingKey() != key)
        #expect(try fixture.database.auditEntries().filter { $0.action == .signingKeyCreate }.count == 1)
    }
}
