import Foundation
import Hummingbird
import Scheduling
import Store

/// A refused or failed request as the API answers it: the status and a JSON body
/// `{ "error": "what was wrong and what to do", … }` with details where there are some.
struct APIError: HTTPResponseError, Sendable {
    /// The JSON body; details that do not apply are left out.
    struct Body: Encodable, Sendable {
        /// One problem in a document, with its JSON path (`items[3].start`).
        struct Issue: Encodable, Sendable {
            var path: String
            var message: String

            init(_ issue: ValidationIssue) {
                (path, message) = (issue.path, issue.message)
            }
        }

        var error: String
        /// A stable name for the kind of error (`conflict`, `not-found`, …) where the store gave one.
        var code: String?
        var issues: [Issue]?
        /// For a save conflict: the latest version, who saved it and when.
        var current: Int?
        var savedBy: String?
        var savedAt: Date?
        /// For a media asset that cannot be deleted: the published rundowns that name it.
        var usedBy: [MediaUsage]?
    }

    var status: HTTPResponse.Status
    var body: Body
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, code: String? = nil) {
        self.status = status
        body = Body(error: message, code: code)
    }

    /// 400 for a document with `issues`, each named by its JSON path.
    static func invalid(_ message: String, issues: [ValidationIssue]) -> APIError {
        var error = APIError(.badRequest, message, code: "invalid")
        error.body.issues = issues.map(Body.Issue.init)
        return error
    }

    /// 413 for a body longer than `limit` bytes.
    static func tooLarge(limit: Int) -> APIError {
        let size = limit >= 1024 * 1024 ? "\(limit / (1024 * 1024)) MiB" : limit >= 1024 ? "\(limit / 1024) KiB" : "\(limit) bytes"
        return APIError(.contentTooLarge, "the request body is larger than \(size), the most this route accepts; send a smaller one", code: "too-large")
    }

    /// 401 with the challenge that tells clients to send a bearer token.
    static func unauthorized(_ message: String) -> APIError {
        var error = APIError(.unauthorized, message, code: "unauthorized")
        error.headers[.wwwAuthenticate] = "Bearer realm=\"sretv\""
        return error
    }

    /// The encoder of every JSON answer: ISO 8601 dates, sorted keys.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try Self.encoder.encode(body))))
    }
}
