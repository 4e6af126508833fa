import Crypto
import Foundation
import Store

/// Signs and checks player URLs (rule S2): `?user=NAME&expires=UNIX&sig=HEX` where `sig` is the
/// HMAC-SHA256, under the server's signing key, of `"/hls/{channel}/|{expires}|{user}"`. Signing the
/// channel folder lets one signature cover the playlist and every segment it lists.
public struct URLSigner: Sendable {
    /// Kept as bytes: Crypto's `SymmetricKey` is not `Sendable`.
    private let key: Data
    private let baseURL: String
    private let lifetime: TimeInterval

    /// A signer with the database's signing key (made on first use), for `settings`' base URL and lifetime.
    public init(settings: ServerSettings, database: AppDatabase) throws(StoreError) {
        key = try database.signingKey()
        baseURL = settings.publicBaseURL
        lifetime = settings.signedURLLifetime
    }

    /// The URL of `channel`'s live playlist that lets `user` play it without a login until it
    /// expires, `lifetime` (default: the settings' lifetime) from `now`.
    public func signedPlaylistURL(channel: String, user: String, lifetime: TimeInterval? = nil, now: Date = Date()) -> SignedURL {
        let expires = Int(now.timeIntervalSince1970 + (lifetime ?? self.lifetime))
        let query = SignedQuery(user: user, expires: expires, signature: signature(channel: channel, user: user, expires: expires))
        return SignedURL(url: "\(baseURL)\(Self.folder(channel))index.m3u8?\(query.text)", expires: expires)
    }

    /// Whether `query` is a valid, unexpired signature for `channel`'s folder: 403 when not.
    func verify(_ query: SignedQuery, channel: String, now: Date = Date()) throws(APIError) {
        guard let signature = query.signature.hexBytes,
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Self.message(channel: channel, user: query.user, expires: query.expires), using: SymmetricKey(data: key))
        else { throw APIError(.forbidden, "the signature of this URL is not valid; ask for a new playback URL", code: "bad-signature") }
        guard Double(query.expires) >= now.timeIntervalSince1970 else {
            throw APIError(.forbidden, "this signed URL expired at \(Date(timeIntervalSince1970: Double(query.expires)).ISO8601Format()); ask for a new playback URL", code: "expired")
        }
    }

    private func signature(channel: String, user: String, expires: Int) -> String {
        HMAC<SHA256>.authenticationCode(for: Self.message(channel: channel, user: user, expires: expires), using: SymmetricKey(data: key)).hexDigits
    }

    private static func message(channel: String, user: String, expires: Int) -> Data {
        Data("\(folder(channel))|\(expires)|\(user)".utf8)
    }

    /// The path a signature covers: `/hls/{channel}/`.
    static func folder(_ channel: String) -> String { "/hls/\(channel)/" }
}

/// A signed player URL and when it stops working.
public struct SignedURL: Sendable, Hashable, Codable {
    public var url: String
    /// Seconds since 1970 (UTC).
    public var expires: Int
}
