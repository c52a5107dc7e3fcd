import ArgumentParser
import Foundation
import Logging
import PaddockServer

/// `paddock serve`: build, serve on loopback, rebuild on changes, reload open tabs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it, rebuild and reload the browser when a file changes.")

    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Flag(help: "Fetch the catalogue again before the first build (otherwise the cache is used).") var fetch = false
    @Option(help: "The site's config file (default: paddock.toml here, else site/paddock.toml).") var config: String?
    @Option(help: "The credentials file (mode 0600); default: .paddock/credentials.json beside the config.") var credentials: String?
    @Option(help: .hidden) var demoSite: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        var logger = Logger(label: "paddock.serve")
        logger.logLevel = .info
        let setup = try SiteBuilderSetup.make(config: config, credentials: credentials, demoSite: demoSite, logger: logger)
        if let note = setup.note { ServerConsole.say(note) }
        let coordinator = BuildCoordinator(builder: setup.builder, lockFile: setup.lockFile, logger: logger)
        let preview = PreviewServer(configuration: .init(host: host, port: port), builder: setup.builder, coordinator: coordinator, logger: logger)
        if let record = await preview.session.rebuild(refetch: fetch) {
            ServerConsole.say(record.state == .succeeded ? "Built: \(record.outcome?.summary ?? "")" : "Build failed (shown in the browser):\n\(record.error ?? "")")
        }
        let host = self.host
        try await preview.serviceGroup(onListening: { port in
            ServerConsole.say("Serving http://\(host):\(port)/ (Ctrl-C to stop)")
        }).run()
    }
}
