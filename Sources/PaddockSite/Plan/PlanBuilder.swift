/// Collects pages and links each one to its versions in the other languages by a shared key.
struct PlanBuilder {
    private(set) var entries: [(key: String, page: PlannedPage)] = []
    private var byKey: [String: [String: String]] = [:]
    let defaultLanguage: String

    init(defaultLanguage: String) { self.defaultLanguage = defaultLanguage }

    mutating func add(key: String, path: String, language: String, kind: PageKind) {
        entries.append((key, PlannedPage(path: path, language: language, kind: kind)))
        byKey[key, default: [:]][language] = path
    }

    func finish() -> [PlannedPage] {
        entries.map { entry in
            var page = entry.page
            page.alternates = page.kind.isListedHTML ? byKey[entry.key] ?? [:] : [page.language: page.path]
            return page
        }
    }
}
