import Hummingbird
import Store

/// Reads the session cookie of a browser login (`SessionCookie`) when there is no bearer token, so
/// the pages and their JavaScript use the same routes and role checks as API clients. A safe request
/// (`GET`, `HEAD`) gets the session's identity; one that changes something gets it only with the
/// session's CSRF token in `X-SREtv-CSRF`, and is refused with 403 otherwise. An unknown or expired
/// cookie counts as no login. Bearer tokens are unaffected.
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext

    let database: AppDatabase

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard case .none = context.credentials, let value = request.cookies[SessionCookie.name]?.value, !value.isEmpty,
              let session = try database.session(idHash: AppDatabase.tokenHash(value))
        else { return try await next(request, context) }
        var context = context
        let login = Context.WebLogin(idHash: session.idHash, csrfToken: SessionCookie.csrfToken(for: value))
        context.login = login
        let identity = Identity(name: session.user.name, role: session.user.role)
        if [.get, .head].contains(request.method) || request.headers[.csrfToken].map({ SessionCookie.matches($0, login.csrfToken) }) == true {
            context.credentials = .valid(identity)
        } else {
            context.credentials = .refused(APIError(
                .forbidden, "a request that changes something with the session cookie must carry the page's CSRF token in the X-SREtv-CSRF header; API clients send Authorization: Bearer <token> instead",
                code: "csrf"
            ))
        }
        return try await next(request, context)
    }
}
