import ArgumentParser
import Foundation
import Logging
import PaddockServer

/// Turns the `--config` (or the hidden `--demo-site`) of `serve` and `webhook` into a site builder.
///
/// This is the one place where the real site builder of `PaddockSite` is plugged in.
struct SiteBuilderSetup {
    var builder: any SiteBuilding
    /// The shared build lock, taken by the coordinator around every build.
    var lockFile: URL
    /// The folder holding the config (the credentials file lives below it).
    var root: URL

    static func make(config: String, demoSite: String?, logger: Logger) throws -> SiteBuilderSetup {
        if let demoSite {
            let root = URL(fileURLWithPath: demoSite).standardizedFileURL
            if !FileManager.default.fileExists(atPath: root.appending(path: "templates/layout.html").path) {
                try DemoSiteBuilder.writeStarterSite(at: root)
            }
            return SiteBuilderSetup(builder: DemoSiteBuilder(root: root), lockFile: root.appending(path: ".paddock/build.lock"), root: root)
        }
        let configURL = URL(fileURLWithPath: config).standardizedFileURL
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw ValidationError("no config file at \(configURL.path) (pass --config PATH)")
        }
        // The site builder (issue 4) is wired in here by the lead once it is on main:
        //   let siteConfig = try SiteConfig.load(file: configURL)
        //   return SiteBuilderSetup(builder: SiteBuilder(config: siteConfig, logger: logger), lockFile: …, root: siteConfig.root)
        throw ValidationError("the site builder is not wired into serve/webhook yet; use --demo-site DIR to try them")
    }
}
