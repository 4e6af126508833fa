import Foundation
import Hummingbird
import NIOCore
import Store

/// The request context of every route: the usual core plus the credentials the bearer
/// authenticator found; JSON dates are ISO 8601.
struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    /// What the `Authorization` header said about who is asking.
    enum Credentials: Sendable {
        /// No `Authorization` header.
        case none
        case valid(Identity)
        /// A header that names no user; refused by every route that needs a login.
        case refused(APIError)
    }

    /// The browser session a request's cookie names (see `SessionAuthenticator`).
    struct WebLogin: Sendable {
        /// SHA-256 of the cookie value, the session's key in the store.
        var idHash: String
        /// What the page must send back (`X-SREtv-CSRF`, or the `csrf` form field) to change anything.
        var csrfToken: String
    }

    var coreContext: CoreRequestContextStorage
    var credentials = Credentials.none
    /// Set when the request carries a valid session cookie, whatever its method.
    var login: WebLogin?
    /// The address of the peer (the client, or the proxy in front of this server).
    let remoteAddress: SocketAddress?

    init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var responseEncoder: JSONEncoder { APIError.encoder }

    /// Who is asking, when they hold at least `role`: 401 without (valid) credentials, 403 with too small a role.
    func require(_ role: User.Role) throws(APIError) -> Identity {
        switch credentials {
        case .none: throw .unauthorized("this needs a login; send Authorization: Bearer <token>, or log in at /login")
        case .refused(let error): throw error
        case .valid(let identity):
            guard identity.role >= role else {
                throw APIError(.forbidden, "user \(identity.name) is a \(identity.role.rawValue); this needs the \(role.rawValue) role or higher")
            }
            return identity
        }
    }
}
