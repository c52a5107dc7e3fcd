import Foundation
import PaddockHTML

extension AttributionChecker {
    /// A checker comparing against the logos of the bundled default theme.
    package static func bundled(baseURL: String) throws -> AttributionChecker {
        let theme = try BundledTheme.folder()
        var digests: [AttributionProvider: [UInt8]] = [:]
        for provider in AttributionProvider.allCases {
            let url = theme.appending(path: provider.logoPath)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw BundledThemeError.missingFile(url.path)
            }
            digests[provider] = digest(Array(data))
        }
        return AttributionChecker(logoDigests: digests, baseURL: baseURL)
    }
}
