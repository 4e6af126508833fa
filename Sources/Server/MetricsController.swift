import Hummingbird
import Playout

/// `GET /metrics`: `ServerMetrics` and the live sources' state for Prometheus, for a login of any role.
struct MetricsController {
    let metrics: ServerMetrics
    let liveFeeds: LiveFeeds?

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get(use: show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) throws -> Response {
        _ = try context.require(.viewer)
        let headers: HTTPFields = [.contentType: "text/plain; version=0.0.4; charset=utf-8"]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.prometheusText() + (liveFeeds?.prometheusText() ?? ""))))
    }
}
