import Foundation
import Hummingbird
import Media
import Playout
import Store

/// `/api/media`: search the library, read an asset and its thumbnail (viewer); upload or ingest a
/// provider's file and delete an asset (producer). Deleting an asset a published rundown names is
/// refused with 409.
struct MediaController {
    /// The body of `POST /api/media/ingest`.
    struct IngestBody: Decodable {
        var url: String
        var provider: String
        var title: String
        var category: String?
        var tags: [String]?
    }

    /// An asset as the API shows it: the stored facts and verdict as objects.
    struct AssetBody: ResponseEncodable {
        var id: Int64
        var title: String
        var kind: MediaAsset.Kind
        var provider: String?
        var category: String?
        var tags: [String]
        var uri: String
        var sourceURL: String?
        var duration: Double?
        var facts: MediaInfo?
        var checksum: String?
        var verdict: MediaVerdict?
        /// The thumbnail's path under the media root (served at `/api/media/{id}/thumbnail`).
        var thumbnail: String?
        var status: MediaAsset.Status
        var error: String?
        var createdAt: Date
        var updatedAt: Date

        init(_ asset: MediaAsset) {
            (id, title, kind, provider, category, tags, uri) = (asset.id, asset.title, asset.kind, asset.provider, asset.category, asset.tags, asset.uri)
            (sourceURL, duration, checksum, status, error) = (asset.sourceURL, asset.duration, asset.checksum, asset.status, asset.error)
            (thumbnail, createdAt, updatedAt) = (asset.thumbnail, asset.createdAt, asset.updatedAt)
            facts = asset.facts.flatMap { try? JSONDecoder().decode(MediaInfo.self, from: Data($0.utf8)) }
            // The file as the library names it, not where the media root is on this machine.
            facts?.path = asset.uri
            verdict = asset.mediaVerdict
        }
    }

    let database: AppDatabase
    let worker: IngestWorker
    /// Files uploads into the library.
    let ingest: MediaIngest
    /// The largest upload, in bytes.
    let maxUploadBytes: Int64

    var mediaRoot: URL { ingest.mediaRoot }

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: list)
            .post(use: upload)
            .post("ingest", use: ingest)
            .get("{id}", use: show)
            .get("{id}/thumbnail", use: thumbnail)
            .delete("{id}", use: delete)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) throws -> [AssetBody] {
        _ = try context.require(.viewer)
        let query = request.uri.queryParameters
        let status = try query["status"].map { text in
            guard let status = MediaAsset.Status(rawValue: String(text)) else {
                throw APIError(.badRequest, "status \(String(reflecting: String(text))) is unknown; expected one of \(MediaAsset.Status.allCases.map(\.rawValue).joined(separator: ", "))", code: "invalid")
            }
            return status
        }
        return try database.assets(matching: query["q"].map(String.init), provider: query["provider"].map(String.init), status: status).map(AssetBody.init)
    }

    @Sendable func ingest(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Job> {
        let producer = try context.require(.producer)
        let body = try await request.decodeJSON(IngestBody.self, context: context)
        let order = MediaIngest.Order(url: body.url, provider: body.provider, title: body.title, category: body.category, tags: body.tags ?? [])
        let job = try worker.submit(order, actor: producer.name)
        return EditedResponse(status: .accepted, headers: [.location: "/api/jobs/\(job.id)"], response: job)
    }

    /// `POST /api/media?title=…&provider=…&filename=…`: the body is the file. It is streamed to a
    /// hidden file in the library folder (413 past the limit), then filed like an ingest; 201 with
    /// the asset as it ended (`ready`, `not-airable` or `failed`). A file whose container names
    /// other files (an HLS playlist, an ffconcat list) is refused with 415 and files nothing.
    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<AssetBody> {
        let producer = try context.require(.producer)
        let query = request.uri.queryParameters
        func required(_ name: String) throws(APIError) -> String {
            guard let value = query[Substring(name)].map(String.init), !value.isEmpty else {
                throw APIError(.badRequest, "query parameter \(name) is missing; send title, provider and filename", code: "invalid")
            }
            return value
        }
        let order = MediaIngest.Order(
            url: "upload:\(try required("filename"))", provider: try required("provider"), title: try required("title"),
            category: query["category"].map(String.init)
        )
        // Refuse an unknown provider before the body is read, not after gigabytes of it.
        guard try database.provider(named: order.provider) != nil else { throw APIError(StoreError.notFound(.provider(order.provider))) }
        let library = mediaRoot.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let file = library.appendingPathComponent(".upload-\(UUID().uuidString).partial")
        try await request.writeBody(to: file, limit: maxUploadBytes)
        let asset: MediaAsset
        do {
            asset = try await OffPool.run { [ingest] in try ingest.receive(file, as: order, actor: producer.name) }
        } catch let error as MediaError where error.code == .refused {
            throw APIError(.unsupportedMediaType, error.description, code: "not-self-contained")
        }
        return EditedResponse(status: .created, headers: [.location: "/api/media/\(asset.id)"], response: AssetBody(asset))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) throws -> AssetBody {
        _ = try context.require(.viewer)
        let id = try Self.id(context)
        guard let asset = try database.asset(id: id) else { throw APIError(StoreError.notFound(.asset(id))) }
        return AssetBody(asset)
    }

    /// The asset's JPEG thumbnail; 404 for an asset without one (no video, or not examined yet).
    @Sendable func thumbnail(_ request: Request, context: AppRequestContext) throws -> Response {
        _ = try context.require(.viewer)
        let id = try Self.id(context)
        guard let asset = try database.asset(id: id) else { throw APIError(StoreError.notFound(.asset(id))) }
        guard let path = asset.thumbnail, let jpeg = FileManager.default.contents(atPath: mediaRoot.appendingPathComponent(path).path) else {
            throw APIError(.notFound, "media asset \(id) has no thumbnail: only files with video get one, once they are examined", code: "not-found")
        }
        return Response(status: .ok, headers: [.contentType: "image/jpeg"], body: .init(byteBuffer: ByteBuffer(data: jpeg)))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) throws -> Response {
        let producer = try context.require(.producer)
        let asset = try database.deleteAsset(id: try Self.id(context), actor: producer.name)
        for path in [asset.uri] + (asset.thumbnail.map { [$0] } ?? []) {
            try? FileManager.default.removeItem(at: mediaRoot.appendingPathComponent(path))
        }
        return Response(status: .noContent)
    }

    /// The `{id}` of the path as a number; 404 when it is not one (no such asset or job can exist).
    static func id(_ context: AppRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw APIError(.notFound, "\(String(reflecting: text)) is not an id; expected a number", code: "not-found") }
        return id
    }
}

extension Job: ResponseEncodable {}
