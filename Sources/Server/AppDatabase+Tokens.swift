import Crypto
import Foundation
import Store

extension AppDatabase {
    /// Creates user `name` with `role` (or gives an existing one a new role and token) and returns
    /// their new API token: `sretv_` and 32 random bytes in base64url (the prefix tells secret
    /// scanners what it is, and keeps a token that would start with `-` from reading as a
    /// command-line option). Only its SHA-256 is stored, so this is the one time it can be shown.
    /// Audited as done by `actor`.
    public func addUser(name: String, role: User.Role, actor: String) throws(StoreError) -> String {
        let token = "sretv_" + Self.newSecret()
        try saveUser(name: name, role: role, tokenHash: Self.tokenHash(token), actor: actor)
        return token
    }

    /// The user holding API token `token`, or nil when it is no user's (current) token.
    public func user(forToken token: some StringProtocol) throws(StoreError) -> User? {
        try user(tokenHash: Self.tokenHash(token))
    }

    /// A new secret for a token or a session cookie: 32 random bytes in base64url.
    static func newSecret() -> String {
        Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64URLEncoded
    }

    /// The SHA-256 of `token`'s UTF-8 in lowercase hex, as the store keeps it.
    static func tokenHash(_ token: some StringProtocol) -> String {
        SHA256.hash(data: Data(token.utf8)).hexDigits
    }
}

extension Data {
    /// Base64 with the URL-safe alphabet (`-`, `_`) and no padding.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

extension Sequence<UInt8> {
    /// The bytes as lowercase hex digits, two per byte.
    var hexDigits: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }
}
