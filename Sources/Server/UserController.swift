import Foundation
import Hummingbird
import Store

/// `/api/users` (admin): list users, add one or give one a new token (`POST` answers the token, once).
struct UserController {
    /// The body of `POST /api/users`.
    struct NewUser: Decodable {
        var name: String
        var role: User.Role
    }

    /// The answer to `POST /api/users`: the only time the token is shown.
    struct NewToken: ResponseEncodable {
        var name: String
        var role: User.Role
        var token: String
    }

    let database: AppDatabase

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: list)
            .post(use: add)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) throws -> [User] {
        _ = try context.require(.admin)
        return try database.users()
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<NewToken> {
        let admin = try context.require(.admin)
        let new = try await request.decodeJSON(NewUser.self, context: context)
        let token = try database.addUser(name: new.name, role: new.role, actor: admin.name)
        return EditedResponse(status: .created, response: NewToken(name: new.name, role: new.role, token: token))
    }
}
