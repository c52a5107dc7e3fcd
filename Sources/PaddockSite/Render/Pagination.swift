import PaddockTemplate

/// The pager of a paginated listing: previous, next and a window of page numbers.
enum Pagination {
    /// `folder` is the listing's first page relative to the site root (`en/horses/mares/`).
    static func context(folder: String, page: Int, of count: Int, data: LanguageData) -> TemplateValue {
        guard count > 1 else { return .null }
        func href(_ n: Int) -> String { n <= 1 ? folder : folder + "page/\(n)/" }
        var numbers = Set([1, count])
        for n in max(1, page - 2)...min(count, page + 2) { numbers.insert(n) }
        var items: [TemplateValue] = []
        var last = 0
        for n in numbers.sorted() {
            if n > last + 1 { items.append(.map(["gap": .bool(true)])) }
            items.append(.map(["number": .int(n), "href": .string(href(n)), "current": .bool(n == page)]))
            last = n
        }
        return .map([
            "label": .string(data.string("page_of", ["n": String(page), "count": String(count)])),
            "previous": page > 1 ? .string(href(page - 1)) : .null,
            "next": page < count ? .string(href(page + 1)) : .null,
            "pages": .array(items),
        ])
    }
}
