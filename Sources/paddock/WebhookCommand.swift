import ArgumentParser
import Foundation
import Logging
import PaddockServer
import PaddockSources

/// `paddock webhook`: rebuild the site (with a fresh fetch) on signed `POST /hooks/build` calls.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Serve a webhook that rebuilds the site on signed requests (POST /hooks/build).")

    @Option(help: "The port to listen on (0 picks a free one).") var port = 9000
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The site's config file (default: paddock.toml here, else site/paddock.toml).") var config: String?
    @Option(help: "The credentials file (mode 0600); default: .paddock/credentials.json beside the config.") var credentials: String?
    @Option(help: "Seconds a running build may finish after SIGTERM before it is abandoned.") var shutdownGrace = 60
    @Option(help: .hidden) var demoSite: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must not be negative") }
    }

    func run() async throws {
        var logger = Logger(label: "paddock.webhook")
        logger.logLevel = .info
        let setup = try SiteBuilderSetup.make(config: config, credentials: credentials, demoSite: demoSite, logger: logger)
        if let note = setup.note { ServerConsole.say(note) }
        let file = credentials.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? Credentials.defaultFile(siteRoot: setup.root)
        guard let secret = try Credentials.load(file: file).webhookSecret, !secret.isEmpty else {
            throw ValidationError("no webhook secret: set PADDOCK_WEBHOOK_SECRET or webhook_secret in \(file.path) (mode 0600)")
        }
        let coordinator = BuildCoordinator(builder: setup.builder, lockFile: setup.lockFile, logger: logger)
        let server = try WebhookServer(
            configuration: .init(host: host, port: port, shutdownGracePeriod: .seconds(shutdownGrace)),
            secret: secret, coordinator: coordinator, logger: logger)
        let host = self.host
        try await server.serviceGroup(onListening: { port in
            ServerConsole.say("Webhook listening on http://\(host):\(port)/hooks/build")
        }).run()
    }
}
