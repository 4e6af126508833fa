import Hummingbird

/// `/static/{file}`: the pages' CSS and JavaScript, from memory, to anyone (the login page needs
/// them). Browsers revalidate each time (`no-cache`) and get 304 while the `ETag` holds.
struct StaticController {
    let resources: WebResources

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get("{file}", use: file)
    }

    @Sendable func file(_ request: Request, context: AppRequestContext) throws -> Response {
        let name = try context.parameters.require("file")
        guard let file = resources.staticFiles[name] else { throw APIError(.notFound, "there is no static file \(String(reflecting: name))", code: "not-found") }
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache", .eTag: file.etag, .xContentTypeOptions: "nosniff"]
        if request.headers[.ifNoneMatch] == file.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.bytes))
    }
}
