/// How many items one source gave for one language.
package struct FetchCount: Sendable, Hashable {
    package var service: SourceService
    /// `nil` for sources that do not depend on the language (Husbandry).
    package var language: String?
    /// Horses or animals in the catalogue.
    package var items: Int
    /// Answers read from the cache: all of them offline, the fallbacks online.
    package var fromCache: Int
    /// Items that failed without a cached copy.
    package var failed: Int

    package init(service: SourceService, language: String?, items: Int, fromCache: Int = 0, failed: Int = 0) {
        self.service = service; self.language = language; self.items = items; self.fromCache = fromCache; self.failed = failed
    }
}
