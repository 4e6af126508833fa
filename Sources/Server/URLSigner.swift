import Crypto
import Foundation
import Store

/// Signs and checks player URLs (rule S2): `?user=NAME&expires=UNIX&sig=HEX` where `sig` is the
/// HMAC-SHA256, under the server's signing key, of `"/hls/{channel}/|{expires}|{user}|{token hash}"`.
/// Signing the channel folder lets one signature cover the playlist and every segment it lists.
/// The user's current token hash (empty for a name that is no user) binds the URL to that token:
/// replacing the token ends every URL signed before, within `generationLifetime` (how long a
/// verifying server remembers a user's token hash).
public struct URLSigner: Sendable {
    /// How long a user's token hash is remembered: verification runs for every segment a player
    /// fetches and must not read the database each time.
    static let generationLifetime: TimeInterval = 5

    /// Kept as bytes: Crypto's `SymmetricKey` is not `Sendable`.
    private let key: Data
    private let baseURL: String
    private let lifetime: TimeInterval
    private let database: AppDatabase
    /// Each user's current token hash ("" for no such user), by name.
    private let generations: ExpiringCache<String, String>

    /// A signer with the database's signing key (made on first use), for `settings`' base URL and lifetime.
    public init(settings: ServerSettings, database: AppDatabase) throws(StoreError) {
        key = try database.signingKey()
        baseURL = settings.publicBaseURL
        lifetime = settings.signedURLLifetime
        self.database = database
        generations = ExpiringCache(lifetime: Self.generationLifetime)
    }

    /// The URL of `channel`'s live playlist that lets `user` play it without a login until it
    /// expires, `lifetime` (default: the settings' lifetime) from `now`, or until `user`'s token is replaced.
    public func signedPlaylistURL(channel: String, user: String, lifetime: TimeInterval? = nil, now: Date = Date()) throws(StoreError) -> SignedURL {
        let generation = try database.tokenHash(ofUser: user) ?? ""
        generations.set(generation, for: user)
        let expires = Int(now.timeIntervalSince1970 + (lifetime ?? self.lifetime))
        let message = Self.message(channel: channel, user: user, expires: expires, generation: generation)
        let query = SignedQuery(user: user, expires: expires, signature: HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)).hexDigits)
        return SignedURL(url: "\(baseURL)\(Self.folder(channel))index.m3u8?\(query.text)", expires: expires)
    }

    /// Whether `query` is a valid, unexpired signature for `channel`'s folder and the user's current
    /// token: 403 when not.
    func verify(_ query: SignedQuery, channel: String, now: Date = Date()) throws(APIError) {
        let generation: String
        do {
            generation = try generations.value(for: query.user) { user throws(StoreError) in try database.tokenHash(ofUser: user) ?? "" } ?? ""
        } catch {
            throw APIError(error)
        }
        let message = Self.message(channel: channel, user: query.user, expires: query.expires, generation: generation)
        guard let signature = query.signature.hexBytes,
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: message, using: SymmetricKey(data: key))
        else {
            throw APIError(.forbidden, "the signature of this URL is not valid (or its user's token was replaced since); ask for a new playback URL", code: "bad-signature")
        }
        guard Double(query.expires) >= now.timeIntervalSince1970 else {
            throw APIError(.forbidden, "this signed URL expired at \(Date(timeIntervalSince1970: Double(query.expires)).ISO8601Format()); ask for a new playback URL", code: "expired")
        }
    }

    private static func message(channel: String, user: String, expires: Int, generation: String) -> Data {
        Data("\(folder(channel))|\(expires)|\(user)|\(generation)".utf8)
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
