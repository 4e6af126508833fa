import Foundation
import Hummingbird
import Store

/// `GET /api/audit` (admin): the audit log, newest first, paged with `?before=ID`; `?channel=` keeps
/// one channel's entries, `?limit=` (1–500, default 100) sets the page size.
struct AuditController {
    static let maximumLimit = 500

    let database: AppDatabase

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get(use: list)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) throws -> [AuditEntry] {
        _ = try context.require(.admin)
        let query = request.uri.queryParameters
        let before = try Self.number("before", query["before"], in: 1...Int.max)
        let limit = try Self.number("limit", query["limit"], in: 1...Self.maximumLimit) ?? 100
        return try database.auditEntries(channel: query["channel"].map(String.init), before: before.map(Int64.init), limit: limit)
    }

    /// The query value `name` as a number in `range`, nil when absent; 400 otherwise.
    static func number(_ name: String, _ value: Substring?, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let value else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw APIError(.badRequest, "\(name)=\(value) is not a whole number from \(range.lowerBound) to \(range.upperBound)", code: "invalid")
        }
        return number
    }
}

extension AuditEntry: ResponseEncodable {}
