import ArgumentParser
import Store

/// `sretv media provider set|list`.
struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: "The content providers and the hosts their files may be ingested from.",
        subcommands: [SetHosts.self, List.self]
    )

    struct SetHosts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the hosts a provider's files may be fetched from (replaces the list; creates the provider if new)."
        )

        @Argument(help: "Provider name, e.g. \"Canal Once\".")
        var name: String

        @Option(help: "Comma-separated host names, e.g. media.canalonce.example,cdn.canalonce.example (empty: none).")
        var hosts: String

        @OptionGroup var data: DataOptions
        @OptionGroup var actor: ActorOption

        func run() throws {
            let provider: Provider
            do {
                provider = try data.open().setProviderHosts(name, hosts: hosts.split(separator: ",").map(String.init), actor: actor.name)
            } catch {
                throw CLIError("cannot set the hosts of \(name): \(error)")
            }
            print("\(provider.name): \(provider.hosts.isEmpty ? "(no hosts)" : provider.hosts.joined(separator: ", "))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the providers and their hosts.")

        @OptionGroup var data: DataOptions

        func run() throws {
            let providers: [Provider]
            do { providers = try data.open().providers() } catch { throw CLIError("cannot list providers: \(error)") }
            for provider in providers { print("\(provider.name)\t\(provider.hosts.joined(separator: ","))") }
        }
    }
}
