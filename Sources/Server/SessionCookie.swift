import Crypto
import Foundation
import Hummingbird
import Store

/// The cookie of a browser login: a random secret (its SHA-256 is the session's key in the store),
/// `HttpOnly`, `SameSite=Strict`, `Path=/`, `Secure` when the server is reached over https.
/// A request authenticated by it that changes something must also carry the session's CSRF token
/// (`X-SREtv-CSRF` header, or the `csrf` field of a page's form), which only its pages know.
enum SessionCookie {
    static let name = "sretv_session"
    /// How long a login lasts: a working day.
    static let lifetime: TimeInterval = 12 * 3600

    /// The cookie that holds `value` for `lifetime`.
    static func cookie(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that makes the browser forget its session (logout).
    static func removal(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The CSRF token of the session whose cookie is `value`: derived from the secret, so it is
    /// stored nowhere, and unguessable by a page that cannot read the cookie.
    static func csrfToken(for value: some StringProtocol) -> String {
        SHA256.hash(data: Data("csrf|\(value)".utf8)).hexDigits
    }

    /// Whether `given` is `expected`, in time that does not depend on where they differ.
    static func matches(_ given: some StringProtocol, _ expected: String) -> Bool {
        let (a, b) = (Array(given.utf8), Array(expected.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPFields.Element.Name {
    /// `X-SREtv-CSRF`: the header a cookie-authenticated `POST`/`PUT`/`PATCH`/`DELETE` carries its CSRF token in.
    static let csrfToken = Self("X-SREtv-CSRF")!
    /// `Referrer-Policy`, which the pages set to `same-origin`.
    static let referrerPolicy = Self("Referrer-Policy")!
}
