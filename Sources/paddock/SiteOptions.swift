import ArgumentParser
import Foundation
import PaddockSite
import PaddockSources

/// `--config` and `--credentials`, and how every command that reads a site finds both files.
///
/// The config is `--config`, else `paddock.toml` in the current folder, else `site/paddock.toml`
/// (the example site of a checkout). The credentials file is `--credentials`, else
/// `PADDOCK_CREDENTIALS_FILE`, else `.paddock/credentials.json` beside the config. Paths on the
/// command line are relative to the current folder.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site's config file (default: paddock.toml here, else site/paddock.toml).")
    var config: String?

    @Option(help: "The credentials file, mode 0600 (default: PADDOCK_CREDENTIALS_FILE, else .paddock/credentials.json beside the config).")
    var credentials: String?

    /// The places looked in without `--config`, in order.
    static let defaultConfigFiles = [SiteConfig.fileName, "site/" + SiteConfig.fileName]

    func validate() throws {
        var isFolder = false
        if let config {
            let file = CommandLinePath.resolve(config)
            guard CommandLinePath.exists(file, isFolder: &isFolder) else { throw ValidationError("--config \(file.path): no such file") }
            guard !isFolder else { throw ValidationError("--config \(file.path) is a folder; give the paddock.toml in it") }
        }
        if let credentials {
            guard !credentials.isEmpty else { throw ValidationError("--credentials needs a file name") }
            let file = CommandLinePath.resolve(credentials)
            if CommandLinePath.exists(file, isFolder: &isFolder), isFolder {
                throw ValidationError("--credentials \(file.path) is a folder, not a file")
            }
        }
    }

    /// The site's config file, or `nil` when `--config` was not given and there is none in the usual places.
    var configFile: URL? {
        if let config { return CommandLinePath.resolve(config) }
        var isFolder = false
        return Self.defaultConfigFiles.map(CommandLinePath.resolve)
            .first { CommandLinePath.exists($0, isFolder: &isFolder) && !isFolder }
    }

    /// ``configFile``, for the commands that cannot work without a site.
    /// - Throws: `ValidationError` saying where it looked.
    func requiredConfigFile() throws -> URL {
        guard let file = configFile else {
            throw ValidationError("no \(SiteConfig.fileName) here or in site/; pass --config FILE (or create a site with `paddock init DIR`)")
        }
        return file
    }

    /// The credentials file of the site whose folder is `siteRoot`.
    func credentialsFile(siteRoot: URL) -> URL {
        credentials.map(CommandLinePath.resolve) ?? Credentials.defaultFile(siteRoot: siteRoot)
    }
}
