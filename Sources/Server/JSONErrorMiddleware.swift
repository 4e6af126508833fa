import Hummingbird
import Media
import Store

/// Turns every error a route throws into a JSON answer (`APIError`), Hummingbird's own ones
/// (unknown route, body too large: 413) included; unexpected errors are logged and answered 500.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.apiError(for: error, context: context).response(from: request, context: context)
        }
    }

    /// What the API answers for `error`; the web pages answer the same status in HTML.
    static func apiError(for error: any Error, context: Context) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as StoreError:
            if case .storage = error { context.logger.error("database failure: \(error)") }
            return APIError(error)
        case let error as MediaError: return APIError(error)
        case let error as HTTPError:
            var answer = APIError(error.status, error.body ?? Self.defaultMessage(for: error.status))
            answer.headers = error.headers
            return answer
        case let error as any HTTPResponseError:
            // Hummingbird's and NIO's own refusals, such as a body past `collect(upTo:)`'s limit (413).
            return APIError(error.status, Self.defaultMessage(for: error.status))
        default:
            context.logger.error("request failed: \(error)")
            return APIError(.internalServerError, "internal error; the server log has the details")
        }
    }

    private static func defaultMessage(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such route; Schemas/openapi.yaml lists the API"
        case .contentTooLarge: "the request body is larger than this route accepts; send a smaller one"
        default: status.reasonPhrase
        }
    }
}
