import ArgumentParser
import PaddockMedia

/// The `paddock` command: a thin front over the Paddock libraries.
@main
struct Paddock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paddock",
        abstract: "A static website generator for horse and animal catalogues.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, RenderCommand.self, InitCommand.self, SandboxCommand.self, FetchCommand.self, LoginCommand.self, ServeCommand.self, WebhookCommand.self]
    )

    /// Caps malloc's arenas before any thread starts (``MallocArenas``), then runs the command as
    /// ArgumentParser's own `main` does.
    static func main() async {
        MallocArenas.limitToCores()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
