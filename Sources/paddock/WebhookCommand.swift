import ArgumentParser
import Foundation
import Logging
import PaddockServer

/// `paddock webhook`: rebuild the site (with a fresh fetch) on signed `POST /hooks/build` calls.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Serve a webhook that rebuilds the site on signed requests (POST /hooks/build).")

    @Option(help: "The port to listen on (0 picks a free one).") var port = 9000
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @OptionGroup var site: SiteOptions
    @Option(help: "Seconds a running build may finish after SIGTERM before it is abandoned.") var shutdownGrace = 60

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must not be negative") }
        // Without a secret every trigger would be refused: say so before starting. (A config or
        // credentials file that does not load is reported by `run()`, with its own error.)
        if let site = try? LoadedSite(site), site.credentials.webhookSecret?.isEmpty ?? true {
            throw ValidationError("no webhook secret: set PADDOCK_WEBHOOK_SECRET or webhook_secret in \(site.credentialsFile.path) (mode 0600)")
        }
    }

    func run() async throws {
        var logger = Logger(label: "paddock.webhook")
        logger.logLevel = .info
        let site = try LoadedSite(self.site)
        let (served, note) = site.servedSite(logger: logger)
        if let note { ServerConsole.say(note) }
        let coordinator = BuildCoordinator(builder: served, lockFile: served.lockFile, logger: logger)
        let server = try WebhookServer(
            configuration: .init(host: host, port: port, shutdownGracePeriod: .seconds(shutdownGrace)),
            secret: site.credentials.webhookSecret ?? "", coordinator: coordinator, logger: logger)
        let host = self.host
        try await server.serviceGroup(onListening: { port in
            ServerConsole.say("Webhook listening on http://\(host):\(port)/hooks/build")
        }).run()
    }
}
