import Hummingbird
import Media
import Scheduling
import Store

/// Audits refused attempts to change something: a state-changing request (not `GET`/`HEAD`)
/// answered 401 or 403 (no or a bad token, a role too small, a missing CSRF token, a URL off
/// the allow list), and any request answered 409 (a version conflict). Rows are counted per
/// minute (`AppDatabase.recordRefusal`), so a flood adds a row a minute, not one per request.
/// It sees the errors routes throw: registered after the authenticators (which set who asks),
/// and inside `PageMiddleware` for the pages, which turns errors into HTML.
struct RefusalAuditMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let database: AppDatabase

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            record(error, of: request, context: context)
            throw error
        }
    }

    private func record(_ error: any Error, of request: Request, context: Context) {
        let answer: APIError
        switch error {
        case let error as APIError: answer = error
        case let error as StoreError: answer = APIError(error)
        case let error as MediaError: answer = APIError(error)
        case let error as HTTPError: answer = APIError(error.status, error.body ?? error.status.reasonPhrase)
        default: return
        }
        let changes = ![.get, .head].contains(request.method)
        guard answer.status == .conflict || (changes && [.unauthorized, .forbidden].contains(answer.status)) else { return }
        // The message may quote a refused URL: its secrets stay out of the log.
        let detail = SecretRedaction.redacted(
            "\(answer.status.code) \(answer.body.code.map { "\($0) " } ?? "")\(request.method) \(request.uri.path): \(answer.body.error)", quoting: ""
        )
        do {
            try database.recordRefusal(.requestRefused, actor: actor(context), address: context.remoteAddress?.ipAddress,
                                       channel: context.parameters.get("channel"), detail: detail)
        } catch {
            context.logger.error("refused request not audited: \(error)")
        }
    }

    /// Who asked: the user of a valid token or session, the session's user for a request refused
    /// for its CSRF token, else what the credentials were.
    private func actor(_ context: Context) -> String {
        switch context.credentials {
        case .valid(let identity): return identity.name
        case .none: return "(no login)"
        case .refused:
            guard let login = context.login, let session = try? database.session(idHash: login.idHash) else { return "(unknown token)" }
            return session.user.name
        }
    }
}
