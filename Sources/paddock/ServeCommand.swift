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
    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        _ = try site.requiredConfigFile()
    }

    func run() async throws {
        var logger = Logger(label: "paddock.serve")
        logger.logLevel = .info
        let (served, note) = try LoadedSite(site).servedSite(logger: logger)
        if let note { ServerConsole.say(note) }
        let coordinator = BuildCoordinator(builder: served, lockFile: served.lockFile, logger: logger)
        let preview = PreviewServer(configuration: .init(host: host, port: port), builder: served, coordinator: coordinator, logger: logger)
        if let record = await preview.session.rebuild(refetch: fetch) {
            ServerConsole.say(record.state == .succeeded ? "Built: \(record.outcome?.summary ?? "")" : "Build failed (shown in the browser):\n\(record.error ?? "")")
        }
        let host = self.host
        try await preview.serviceGroup(onListening: { port in
            ServerConsole.say("Serving http://\(host):\(port)/ (Ctrl-C to stop)")
        }).run()
    }
}
