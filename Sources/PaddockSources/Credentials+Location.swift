import Foundation

extension Credentials {
    /// Where a site's credentials file lives: `PADDOCK_CREDENTIALS_FILE` when set, else
    /// `.paddock/credentials.json` in the site folder (beside the cache, outside the output folder).
    package static func defaultFile(siteRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["PADDOCK_CREDENTIALS_FILE"]?.trimmingCharacters(in: .whitespaces), !path.isEmpty {
            return URL(filePath: path, relativeTo: siteRoot).standardizedFileURL
        }
        return siteRoot.appending(path: ".paddock/credentials.json")
    }
}
