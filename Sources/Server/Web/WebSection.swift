import Store

/// The pages of the site's navigation, each shown to the roles that may open it.
enum WebSection: String, CaseIterable, Sendable {
    case watch
    case studio
    case control
    case admin

    var path: String { self == .watch ? "/" : "/\(rawValue)" }

    /// The least role that may open the page (and sees its link).
    var role: User.Role {
        switch self {
        case .watch: .viewer
        case .studio: .producer
        case .control: .operator
        case .admin: .admin
        }
    }

    /// The key of its name in the string tables (`nav_watch`, …), also its page title.
    var titleKey: String { "nav_\(rawValue)" }
}
