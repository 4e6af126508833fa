import Foundation
import Hummingbird
import Scheduling
import Store

/// `/api/channels/{channel}/rundowns/{date}`: read the latest version (viewer), validate a draft
/// (viewer), save a new one and publish one (producer). Saves are optimistic: `If-Match: "N"` names
/// the version the edit started from (no `If-Match`: the first version), and a stale one is refused
/// with 409. Rundowns are checked against `JSONLimits` and parsed on `OffPool.documents`, off the
/// threads that answer playlists. A valid rundown whose library media would air badly or not at all is still saved: the
/// answer lists the media verdicts as `warnings` with their JSON paths. Below operator, live URLs are
/// read with their secrets redacted, and a save that sends such a URL back keeps the stored secret.
struct RundownController {
    /// The latest version of a rundown, with its publication state.
    struct RundownBody: ResponseEncodable {
        var version: Int
        var savedBy: String
        var savedAt: Date
        /// Whether this version is the one that airs.
        var published: Bool
        /// The version that airs, when one does.
        var publishedVersion: Int?
        var rundown: Rundown
    }

    /// The answer to a save or a publish; a save adds the verdicts of the library media it names.
    struct VersionBody: ResponseEncodable {
        var version: Int
        var warnings: [APIError.Body.Issue]?
    }

    /// The answer to a validation: the document is valid; the verdicts of the library media it names.
    struct ValidationBody: ResponseEncodable {
        var warnings: [APIError.Body.Issue]
    }

    /// The optional body of a publish.
    struct PublishBody: Decodable {
        var version: Int?
    }

    let database: AppDatabase

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: latest)
            .put(use: save)
            .post("validate", use: validate)
            .post("publish", use: publish)
    }

    @Sendable func latest(_ request: Request, context: AppRequestContext) throws -> EditedResponse<RundownBody> {
        let viewer = try context.require(.viewer)
        let (channel, date) = try Self.day(context)
        guard let saved = try database.latestRundown(channel: channel, date: date) else {
            throw APIError(StoreError.notFound(.rundown(channel: channel, date: date)))
        }
        let published = saved.isPublished ? saved.version : try database.publishedRundown(channel: channel, date: date)?.version
        let body = RundownBody(
            version: saved.version, savedBy: saved.savedBy, savedAt: saved.savedAt, published: saved.isPublished,
            publishedVersion: published, rundown: viewer.seesLiveSecrets ? saved.rundown : saved.rundown.withLiveSecretsRedacted
        )
        return EditedResponse(headers: [.eTag: "\"\(saved.version)\""], response: body)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<VersionBody> {
        let producer = try context.require(.producer)
        let base = try baseVersion(request)
        let (channel, date) = try Self.day(context)
        let edited = try await validRundown(request, context: context)
        let stored = try database.latestRundown(channel: channel, date: date)?.rundown
        let rundown: Rundown
        do {
            rundown = try edited.restoringLiveSecrets(from: stored)
        } catch {
            throw APIError.invalid("invalid rundown", issues: error.issues)
        }
        let version = try database.saveRundown(rundown, baseVersion: base, actor: producer.name)
        let body = VersionBody(version: version, warnings: try verdictWarnings(rundown))
        return EditedResponse(status: version == 1 ? .created : .ok, headers: [.eTag: "\"\(version)\""], response: body)
    }

    /// Checks a rundown as a save would, without saving it: 400 with the issues, else its media warnings.
    @Sendable func validate(_ request: Request, context: AppRequestContext) async throws -> ValidationBody {
        _ = try context.require(.viewer)
        return ValidationBody(warnings: try verdictWarnings(try await validRundown(request, context: context)))
    }

    /// The body as a valid rundown of the URL's channel and day; 400 with every issue's JSON path otherwise.
    private func validRundown(_ request: Request, context: AppRequestContext) async throws -> Rundown {
        let (channel, date) = try Self.day(context)
        let data = try await request.data(context: context)
        let rundown: Rundown
        do {
            rundown = try await OffPool.documents.run { try Rundown.parse(JSONBody.checked(data)) }
        } catch let error as RundownValidationError {
            throw APIError.invalid("invalid rundown", issues: error.issues)
        }
        let mismatches = Self.mismatches(of: rundown, channel: channel, date: date)
        guard mismatches.isEmpty else { throw APIError.invalid("the rundown is not the one the URL names", issues: mismatches) }
        return rundown
    }

    private func verdictWarnings(_ rundown: Rundown) throws -> [APIError.Body.Issue] {
        try rundown.verdictWarnings(in: database).map(APIError.Body.Issue.init)
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> VersionBody {
        let producer = try context.require(.producer)
        let (channel, date) = try Self.day(context)
        let body = try await request.data(context: context)
        let version = body.isEmpty ? nil : try JSONBody.decode(PublishBody.self, from: body).version
        return VersionBody(version: try database.publish(channel: channel, date: date, version: version, actor: producer.name))
    }

    /// Issues at `channel` and `date` where `rundown` is not the one of `channel` on `date` the URL names.
    static func mismatches(of rundown: Rundown, channel: String, date: BroadcastDate) -> [ValidationIssue] {
        [
            rundown.channel == channel ? nil : ValidationIssue(path: "channel", message: "is \(rundown.channel) but the URL names channel \(channel)"),
            rundown.date == date ? nil : ValidationIssue(path: "date", message: "is \(rundown.date) but the URL names \(date)"),
        ].compactMap(\.self)
    }

    /// The channel and date the URL names.
    static func day(_ context: AppRequestContext) throws -> (channel: String, date: BroadcastDate) {
        (try context.parameters.require("channel"), try BroadcastDate.parameter(try context.parameters.require("date"), name: "date"))
    }

    /// The version `If-Match` names (`"3"` or `3`); nil without the header.
    private func baseVersion(_ request: Request) throws(APIError) -> Int? {
        guard let header = request.headers[.ifMatch] else { return nil }
        let text = header.trimmingCharacters(in: .whitespaces)
        let unquoted = text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
        guard let version = Int(unquoted), version >= 1 else {
            throw APIError(.badRequest, "If-Match \(String(reflecting: header)) is not a rundown version; expected \"N\" as the ETag of a GET gave it", code: "invalid")
        }
        return version
    }
}
