import Foundation
import Hummingbird
import Store

/// `/admin` (admin): the users and their roles, a form that creates a user or gives one a new
/// token (through `POST /api/users`, by `admin.js`; the token is shown once), and the audit log,
/// newest first, `pageSize` entries a page (`?before=ID` for older ones).
struct AdminPage {
    static let pageSize = 50

    /// The data of `Templates/admin.mustache`.
    struct Page {
        var users: [UserRow]
        var roles: [RoleChoice]
        var audit: [AuditRow]
        /// Whether `audit` has rows (templates see stored properties only).
        var hasAudit: Bool
        /// The query of the next, older page; nil on the last page.
        var older: String?
        /// Whether this is not the newest page (a link back to it is shown).
        var paged: Bool
    }

    struct UserRow {
        var name: String
        var role: String
        var roleLabel: String
        var createdAt: String
    }

    struct RoleChoice {
        var value: String
        var label: String
    }

    struct AuditRow {
        var id: Int64
        var at: String
        var atISO: String
        var actor: String
        var action: String
        var channel: String?
        var date: String?
        var detail: String?
    }

    let database: AppDatabase
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get(use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) throws -> Response {
        _ = try context.require(WebSection.admin.role)
        let t = renderer.strings(for: request)
        let before = try AuditController.number("before", request.uri.queryParameters["before"], in: 1...Int.max)
        let entries = try database.auditEntries(before: before.map(Int64.init), limit: Self.pageSize)
        let utc = Self.utcFormatter()
        let iso = ISO8601DateFormatter()
        let audit = entries.map {
            AuditRow(id: $0.id ?? 0, at: utc.string(from: $0.at), atISO: iso.string(from: $0.at), actor: $0.actor, action: $0.action.rawValue,
                     channel: $0.channel, date: $0.date.map { "\($0)" }, detail: $0.detail)
        }
        let page = Page(
            users: try database.users().map {
                UserRow(name: $0.name, role: $0.role.rawValue, roleLabel: t["role_\($0.role.rawValue)"] ?? $0.role.rawValue, createdAt: utc.string(from: $0.createdAt))
            },
            roles: User.Role.allCases.map { RoleChoice(value: $0.rawValue, label: t["role_\($0.rawValue)"] ?? $0.rawValue) },
            audit: audit, hasAudit: !audit.isEmpty,
            older: entries.count == Self.pageSize ? entries.last?.id.map { "before=\($0)" } : nil,
            paged: before != nil
        )
        return try renderer.render("admin", titleKey: WebSection.admin.titleKey, request: request, context: context, page: page)
    }

    /// `yyyy-MM-dd HH:mm:ss` in UTC, as the audit log shows times.
    static func utcFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }
}
