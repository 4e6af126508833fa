import Store

/// Who made a request with a bearer token, and what they may do. (A signed player URL names
/// no identity: it opens only the channel folder it signs, as a viewer.)
struct Identity: Sendable, Hashable {
    var name: String
    var role: User.Role
}
