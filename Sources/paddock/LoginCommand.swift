import ArgumentParser
import Foundation
import Logging
import PaddockSite
import PaddockSources

/// `paddock login husbandry`: signs in to Husbandry Pro (OAuth) and keeps the refresh token.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in to a service and keep its refresh token in the credentials file (0600).",
        discussion: "Only `husbandry` (Husbandry Pro v2, OAuth 2.0 authorization code grant) needs a login.")

    @Argument(help: "The service: husbandry.")
    var service: String

    /// The site's `[sources.husbandry]` gives the endpoints; without a site, the documented ones are used.
    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The OAuth client id (default: PADDOCK_HUSBANDRY_CLIENT_ID or the credentials file).")
    var clientID: String?

    @Option(name: .long, help: "The loopback port of the redirect URI registered for the app (http://127.0.0.1:PORT/callback).")
    var port: Int = 8976

    @Option(name: .long, help: "Seconds to wait for the browser to come back.")
    var timeout: Int = 300

    @Flag(name: .long, help: "Do not open a browser; only print the link.")
    var noBrowser = false

    func validate() throws {
        guard service.lowercased() == "husbandry" else { throw ValidationError("unknown service \"\(service)\"; only `husbandry` has a login") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        // A config or credentials file that does not load is reported by `run()`, with its own error.
        guard let site = try? load() else { return }
        if let output = site.config?.outputFolder.standardizedFileURL.path, site.credentialsFile.path.hasPrefix(output + "/") {
            throw ValidationError("the credentials file \(site.credentialsFile.path) is inside the output folder \(output); keep it outside anything published")
        }
        guard clientID ?? site.stored.husbandryClientID != nil else {
            throw ValidationError("no OAuth client id: pass --client-id or set PADDOCK_HUSBANDRY_CLIENT_ID")
        }
    }

    /// The site's config (when there is a site), its credentials file and what that file and the environment hold.
    private func load() throws -> (config: SiteConfig?, credentialsFile: URL, stored: Credentials) {
        let config = try site.configFile.map { try SiteConfig.load(from: $0) }
        let file = site.credentialsFile(siteRoot: config?.root ?? CommandLinePath.currentDirectory)
        return (config, file, try Credentials.load(file: file))
    }

    func run() async throws {
        let (config, file, stored) = try load()
        let husbandry = config?.sources.husbandry ?? HusbandrySourceConfiguration()
        let clientID = self.clientID ?? stored.husbandryClientID ?? ""   // `validate()` made sure there is one
        var logger = Logger(label: "paddock.login", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .warning
        let login = HusbandryLogin(configuration: husbandry, clientID: clientID, clientSecret: stored.husbandryClientSecret,
                                   credentialsFile: file, callbackPort: port, timeout: .seconds(timeout), logger: logger)
        let openBrowser = !noBrowser && ProcessInfo.processInfo.environment["DISPLAY"] != nil
        let result = try await login.run { invitation in
            // Written straight to the file descriptor: the link must show at once, also through a pipe.
            let text = "Open this link to let Paddock read your animals on Husbandry Pro:\n\n  \(invitation.authorizeURL)\n\n"
                + "Waiting for the browser to come back to \(invitation.redirectURI) …\n"
            FileHandle.standardOutput.write(Data(text.utf8))
            if openBrowser { LoginCommand.open(invitation.authorizeURL) }
        }
        print("Signed in. The refresh token is saved in \(result.credentialsFile.path) (readable by you only).")
    }

    static func open(_ url: String) {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
