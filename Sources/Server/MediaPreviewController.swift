import Foundation
import Hummingbird
import Store

/// What the studio plays of a library asset before it is scheduled (viewer): `GET /api/media/{id}/file`,
/// the file itself with byte ranges for `<video>`; 409 for an asset without a file (ingesting or failed).
/// (Its still is the library's thumbnail, `GET /api/media/{id}/thumbnail`.)
struct MediaPreviewController {
    let database: AppDatabase
    let mediaRoot: URL
    let fileIO = FileIO()

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("{id}/file", use: file)
    }

    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (asset, path) = try storedFile(context)
        let size = try Self.size(of: path, asset: asset)
        var headers: HTTPFields = [.contentType: asset.uri.hasSuffix(".mp4") ? "video/mp4" : "video/mp2t", .acceptRanges: "bytes", .cacheControl: "private, max-age=3600"]
        guard let wanted = try ByteRange(header: request.headers[.range], size: size) else {
            headers[.contentLength] = "\(size)"
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
        }
        headers[.contentRange] = wanted.contentRange(size: size)
        headers[.contentLength] = "\(wanted.range.count)"
        return Response(status: .partialContent, headers: headers, body: try await fileIO.loadFile(path: path, range: wanted.range, context: context))
    }

    /// The asset the path names and its file; 404 when there is no such asset, 409 when it has no file (yet).
    private func storedFile(_ context: AppRequestContext) throws -> (MediaAsset, String) {
        _ = try context.require(.viewer)
        let id = try MediaController.id(context)
        guard let asset = try database.asset(id: id) else { throw APIError(StoreError.notFound(.asset(id))) }
        guard [.ready, .notAirable].contains(asset.status) else {
            throw APIError(.conflict, "asset \(id) has no file: it is \(asset.status.rawValue); try again once it is ready", code: "wrong-state")
        }
        return (asset, mediaRoot.appendingPathComponent(asset.uri).path)
    }

    private static func size(of path: String, asset: MediaAsset) throws(APIError) -> Int {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
            throw APIError(.notFound, "the file of asset \(asset.id) (\(asset.uri)) is missing from the media root", code: "not-found")
        }
        return size
    }
}
