import ArgumentParser
import Server
import Store

/// `sretv user add|list`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Users of the API and the players: viewer, producer, operator, admin.",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user (or give an existing one a new token) and print its API token once.",
            discussion: "Only a hash of the token is stored: keep the printed token, it cannot be shown again."
        )

        @Argument(help: "User name: letters, digits, '.', '_', '@', '-'.")
        var name: String

        @Option(help: "viewer (watches), producer (edits rundowns), operator (also takes live feeds on air), admin (also manages users).")
        var role: User.Role

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let token: String
            do { token = try data.open().addUser(name: name, role: role, actor: actor.name) } catch { throw CLIError("cannot add user \(name): \(error)") }
            print("user \(name) (\(role.rawValue)); API token, shown only now:\n\(token)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")

        @OptionGroup var data: DataOptions

        func run() throws {
            let users: [User]
            do { users = try data.open().users() } catch { throw CLIError("cannot list users: \(error)") }
            for user in users { print("\(user.name)\t\(user.role.rawValue)") }
        }
    }
}

extension User.Role: ExpressibleByArgument {}
