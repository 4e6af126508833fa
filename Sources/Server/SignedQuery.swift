import Foundation
import Hummingbird

/// The `user`, `expires` and `sig` query parameters of a signed player URL.
struct SignedQuery: Sendable, Hashable {
    var user: String
    var expires: Int
    /// HMAC-SHA256 in hex.
    var signature: String

    /// The query of `request`: nil when it has no `sig` (so it is not a signed request); 403 when
    /// it has one but `user` or `expires` is missing or malformed.
    init?(_ request: Request) throws(APIError) {
        let parameters = request.uri.queryParameters
        guard let signature = parameters["sig"] else { return nil }
        guard let user = parameters["user"], let expires = parameters["expires"].flatMap({ Int($0) }) else {
            throw APIError(.forbidden, "a signed URL needs user, expires (seconds since 1970) and sig", code: "bad-signature")
        }
        self.init(user: String(user), expires: expires, signature: String(signature))
    }

    init(user: String, expires: Int, signature: String) {
        self.user = user
        self.expires = expires
        self.signature = signature
    }

    /// `user=…&expires=…&sig=…`, the user name percent-encoded where needed.
    var text: String {
        let user = user.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? user
        return "user=\(user)&expires=\(expires)&sig=\(signature)"
    }
}

private extension CharacterSet {
    static let urlQueryValueAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
}

extension String {
    /// The bytes an even-length string of hex digits stands for; nil for anything else.
    var hexBytes: [UInt8]? {
        let digits = Array(utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
