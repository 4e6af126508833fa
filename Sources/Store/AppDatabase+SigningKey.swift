import Foundation
import GRDB

extension AppDatabase {
    /// The server's 32-byte secret for signing player URLs, made from the system's secure random
    /// source on first use (audited) and the same ever after, so signed URLs survive restarts.
    public func signingKey() throws(StoreError) -> Data {
        try write { db in
            let request = "SELECT value FROM setting WHERE key = ?"
            if let key = try Data.fetchOne(db, sql: request, arguments: [Self.signingKeySetting]) { return key }
            var random = SystemRandomNumberGenerator()
            let key = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) })
            let now = Self.now()
            try db.execute(sql: "INSERT INTO setting (key, value, createdAt) VALUES (?, ?, ?)", arguments: [Self.signingKeySetting, key, now])
            try AuditEntry(at: now, actor: "sretv", action: .signingKeyCreate, detail: "new key for signed player URLs").insert(db)
            return key
        }
    }

    private static let signingKeySetting = "signingKey"
}
