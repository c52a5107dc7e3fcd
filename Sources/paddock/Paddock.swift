import ArgumentParser

/// The `paddock` command: a thin front over the Paddock libraries.
@main
struct Paddock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paddock",
        abstract: "A static website generator for horse and animal catalogues.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, RenderCommand.self, InitCommand.self, SandboxCommand.self, FetchCommand.self, LoginCommand.self, ServeCommand.self, WebhookCommand.self]
    )
}
