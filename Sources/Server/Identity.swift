import Store

/// Who made a request and what they may do: a user's bearer token, or a signed player URL
/// (which grants only `viewer`, and only for the channel folder it signs).
struct Identity: Sendable, Hashable {
    var name: String
    var role: User.Role
}
