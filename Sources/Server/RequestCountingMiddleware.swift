import Hummingbird

/// Counts every answered request in `ServerMetrics` by route pattern, method and status
/// (unknown routes as `NotFound`), so paths with ids do not make a series each.
struct RequestCountingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        metrics.countRequest(route: context.endpointPath ?? "NotFound", method: request.method.rawValue, status: response.status.code)
        return response
    }
}
