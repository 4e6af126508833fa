import Foundation
import GRDB

extension AppDatabase {
    /// What an ingest asks for: a provider's file at `sourceURL`, stored with these descriptions.
    public struct IngestRequest: Sendable, Hashable {
        public var sourceURL: String
        public var provider: String
        public var title: String
        public var category: String?
        public var tags: [String]
        /// The library file's extension (`ts`, `mp4`): its container.
        public var fileExtension: String

        public init(sourceURL: String, provider: String, title: String, category: String? = nil, tags: [String] = [], fileExtension: String) {
            self.sourceURL = sourceURL
            self.provider = provider
            self.title = title
            self.category = category
            self.tags = tags
            self.fileExtension = fileExtension
        }
    }

    /// Starts an ingest: a new asset (`ingesting`, at its library path) and a queued job that fills
    /// it, in one audited transaction. The caller checks the URL against the provider's hosts first.
    public func createIngest(_ request: IngestRequest, actor: String) throws(StoreError) -> (job: Job, asset: MediaAsset) {
        let actor = try Self.validActor(actor)
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw .invalid(field: "title", reason: "is empty; expected the asset's title") }
        let tags = request.tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let tagsJSON = String(decoding: (try? JSONEncoder().encode(tags)) ?? Data("[]".utf8), as: UTF8.self)
        return try write { db in
            guard try Provider.exists(db, key: request.provider) else { throw StoreError.notFound(.provider(request.provider)) }
            let now = Self.now()
            // The library path holds the id: insert under a unique placeholder, then name the file.
            try db.execute(literal: """
                INSERT INTO mediaAsset (title, kind, provider, category, tags, uri, sourceURL, status, createdAt, updatedAt)
                VALUES (\(title), 'public', \(request.provider), \(request.category), \(tagsJSON), \(UUID().uuidString), \(request.sourceURL), 'ingesting', \(now), \(now))
                """)
            let id = db.lastInsertedRowID
            let uri = MediaAsset.libraryPath(id: id, provider: request.provider, title: title, fileExtension: request.fileExtension)
            try db.execute(literal: "UPDATE mediaAsset SET uri = \(uri) WHERE id = \(id)")
            try db.execute(literal: """
                INSERT INTO job (kind, sourceURL, provider, assetId, state, createdBy, createdAt, updatedAt)
                VALUES ('ingest', \(request.sourceURL), \(request.provider), \(id), 'queued', \(actor), \(now), \(now))
                """)
            let job = try Job.fetchOne(db, key: db.lastInsertedRowID)!
            try AuditEntry(at: now, actor: actor, action: .mediaIngest, detail: "asset \(id) \(uri) from \(request.sourceURL) (job \(job.id))").insert(db)
            return (job, try MediaAsset.fetchOne(db, key: id)!)
        }
    }

    /// The asset `id`, or nil.
    public func asset(id: Int64) throws(StoreError) -> MediaAsset? {
        try read { db in try MediaAsset.fetchOne(db, key: id) }
    }

    /// Assets, newest first: those whose title, tags, provider or category contain `text` (without
    /// case), from `provider`, in `status`, when given.
    public func assets(matching text: String? = nil, provider: String? = nil, status: MediaAsset.Status? = nil) throws(StoreError) -> [MediaAsset] {
        try read { db in
            var request = MediaAsset.order(Column("id").desc)
            if let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                let pattern = "%\(text)%"
                request = request.filter(MediaAsset.Columns.title.like(pattern) || MediaAsset.Columns.tags.like(pattern)
                    || MediaAsset.Columns.provider.like(pattern) || MediaAsset.Columns.category.like(pattern))
            }
            if let provider { request = request.filter(MediaAsset.Columns.provider == provider) }
            if let status { request = request.filter(MediaAsset.Columns.status == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// The assets whose library paths are among `uris` (paths that name no asset are left out).
    public func assets(at uris: some Collection<String> & Sendable) throws(StoreError) -> [MediaAsset] {
        try read { db in try MediaAsset.filter(uris.contains(Column("uri"))).fetchAll(db) }
    }

    /// The published rundowns (any channel, any day) that name `uri` as an item's file or as filler.
    public func usage(ofMedia uri: String) throws(StoreError) -> [MediaUsage] {
        try read { db in try Self.usage(of: uri, in: db) }
    }

    private static func usage(of uri: String, in db: Database) throws -> [MediaUsage] {
        // SQLite's JSON functions narrow the rows; the decoded rundown decides (file items and filler only).
        try SavedRundown.request(where: """
            v.version = p.publishedVersion
            AND (json_extract(v.document, '$.filler') = \(uri)
                 OR EXISTS (SELECT 1 FROM json_each(v.document, '$.items') i WHERE json_extract(i.value, '$.source.uri') = \(uri)))
            ORDER BY v.channelId, v.date
            """)
            .fetchAll(db)
            .filter { $0.rundown.mediaPaths.contains(uri) }
            .map { MediaUsage(channel: $0.rundown.channel, date: $0.rundown.date, version: $0.version) }
    }

    /// Deletes asset `id` and returns it (the caller removes its file). Refused with `inUse` while a
    /// published rundown names it, and with `wrongState` while it is being ingested.
    @discardableResult
    public func deleteAsset(id: Int64, actor: String) throws(StoreError) -> MediaAsset {
        let actor = try Self.validActor(actor)
        return try write { db in
            guard let asset = try MediaAsset.fetchOne(db, key: id) else { throw StoreError.notFound(.asset(id)) }
            guard asset.status != .ingesting else {
                throw StoreError.wrongState("media asset \(id) is being ingested; cancel its job first")
            }
            let usage = try Self.usage(of: asset.uri, in: db)
            guard usage.isEmpty else { throw StoreError.inUse(asset: id, uri: asset.uri, rundowns: usage) }
            try asset.delete(db)
            try AuditEntry(at: Self.now(), actor: actor, action: .mediaDelete, detail: "asset \(id) \(asset.uri)").insert(db)
            return asset
        }
    }
}
