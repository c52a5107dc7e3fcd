import ArgumentParser
import Foundation
import Logging
import PaddockServer
import PaddockSite
import PaddockSources

/// Turns the `--config` (or the hidden `--demo-site`) of `serve` and `webhook` into a site builder.
struct SiteBuilderSetup {
    var builder: any SiteBuilding
    /// The shared build lock, taken by the coordinator around every build.
    var lockFile: URL
    /// The folder holding the config.
    var root: URL
    /// Said once at start (for instance: building from the demo data).
    var note: String?

    /// - Parameter demoSite: A folder for the small demo site builder of `PaddockServer` (used by
    ///   `scripts/browser-check`); created with a starter site when empty.
    static func make(config: String?, credentials: String?, demoSite: String?, logger: Logger) throws -> SiteBuilderSetup {
        if let demoSite {
            let root = URL(fileURLWithPath: demoSite).standardizedFileURL
            if !FileManager.default.fileExists(atPath: root.appending(path: "templates/layout.html").path) {
                try DemoSiteBuilder.writeStarterSite(at: root)
            }
            return SiteBuilderSetup(builder: DemoSiteBuilder(root: root), lockFile: root.appending(path: ".paddock/build.lock"), root: root)
        }
        let configFile = try SiteSetup.configFile(config)
        let (builder, note) = try SiteSetup.builder(configFile: configFile, credentialsFile: credentials, offline: false, demo: false, logger: logger)
        return SiteBuilderSetup(
            builder: SiteBuilderAdapter(builder: builder, configFile: configFile), lockFile: builder.lockFile,
            root: builder.config.root, note: note)
    }
}
