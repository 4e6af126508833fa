import Hummingbird
import Store

/// Reads `Authorization: Bearer <token>` into the context's credentials. It refuses nothing
/// itself: each route says which role it needs (`AppRequestContext.require`), so `/healthz`
/// answers anyone and unknown routes answer 404.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext

    let database: AppDatabase
    let tokens = TokenCache()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            context.credentials = try credentials(from: header)
        }
        return try await next(request, context)
    }

    private func credentials(from header: String) throws(StoreError) -> Context.Credentials {
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            return .refused(.unauthorized("the Authorization header is not \"Bearer <token>\""))
        }
        guard let user = try tokens.user(forToken: header.dropFirst(7), lookup: { token throws(StoreError) in try database.user(forToken: token) }) else {
            return .refused(.unauthorized("the bearer token is no user's; ask an admin for a new one"))
        }
        return .valid(Identity(name: user.name, role: user.role))
    }
}
