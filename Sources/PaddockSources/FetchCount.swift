/// How many items one source gave for one language.
public struct FetchCount: Sendable, Hashable {
    public var service: SourceService
    /// `nil` for sources that do not depend on the language (Husbandry).
    public var language: String?
    /// Horses or animals in the catalogue.
    public var items: Int
    /// Answers read from the cache: all of them offline, the fallbacks online.
    public var fromCache: Int
    /// Items that failed without a cached copy.
    public var failed: Int

    public init(service: SourceService, language: String?, items: Int, fromCache: Int = 0, failed: Int = 0) {
        self.service = service; self.language = language; self.items = items; self.fromCache = fromCache; self.failed = failed
    }
}
