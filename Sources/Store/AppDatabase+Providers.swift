import Foundation
import GRDB

extension AppDatabase {
    /// Every provider, by name.
    public func providers() throws(StoreError) -> [Provider] {
        try read { db in try Provider.order(Column("name")).fetchAll(db) }
    }

    /// The provider `name`, or nil.
    public func provider(named name: String) throws(StoreError) -> Provider? {
        try read { db in try Provider.fetchOne(db, key: name) }
    }

    /// Sets the hosts files of provider `name` may be fetched from (creating the provider if new),
    /// audited, and returns it. Hosts are bare names (`media.example.org`), stored lowercase.
    @discardableResult
    public func setProviderHosts(_ name: String, hosts: [String], actor: String) throws(StoreError) -> Provider {
        let actor = try Self.validActor(actor)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .invalid(field: "provider", reason: "is empty; expected a provider name such as \"Canal Once\"") }
        let cleaned = Set(hosts.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        if let bad = cleaned.sorted().first(where: { $0.wholeMatch(of: /[a-z0-9]([a-z0-9.-]*[a-z0-9])?/) == nil }) {
            throw .invalid(field: "hosts", reason: "\(String(reflecting: bad)) is not a host name; expected names like media.example.org, without scheme, port or path")
        }
        let provider = Provider(name: name, hosts: cleaned.sorted(), updatedAt: Self.now())
        return try write { db in
            try provider.save(db)
            try AuditEntry(at: provider.updatedAt, actor: actor, action: .providerSave, detail: "\(name): \(provider.hosts.joined(separator: ", "))").insert(db)
            return provider
        }
    }
}
