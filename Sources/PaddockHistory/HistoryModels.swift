import Foundation

/// One catalogue item across builds: its source's kind (`horse`, `animal`; a new source adds its
/// own, such as `herd-animal`) and its id at that source.
package struct HistoryItemKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var kind: String
    package var id: String

    package init(kind: String, id: String) { self.kind = kind; self.id = id }

    package static func < (a: Self, b: Self) -> Bool { a.kind == b.kind ? a.id < b.id : a.kind < b.kind }
    package var description: String { "\(kind) \(id)" }
}

/// What the history knows of one item.
package struct ItemHistory: Sendable, Equatable {
    package var key: HistoryItemKey
    /// The URL segment the item is published under now: the one it was first published under,
    /// unless the site moves renamed items (`keep_first_url = false`).
    package var slug: String
    /// The URL segment the item was first published under.
    package var firstSlug: String
    package var firstSeen: Date
    package var lastSeen: Date
    /// When a build first found it gone from its catalogue (sold, withdrawn); `nil` while listed.
    package var goneSince: Date?
    /// The latest status (`available`, `hold`, `listed`, `gone`).
    package var status: String
    /// The latest price as exact decimal text (`1500.50`), `nil` when none.
    package var price: String?
    /// The price before the latest change of price, `nil` when it never changed.
    package var previousPrice: String?
    /// The item as last seen, by language (JSON of the source's model), for its page once it is gone.
    package var snapshots: [String: Data]

    package init(key: HistoryItemKey, slug: String, firstSeen: Date, lastSeen: Date, goneSince: Date? = nil, status: String,
                 price: String? = nil, previousPrice: String? = nil, snapshots: [String: Data] = [:], firstSlug: String? = nil) {
        self.key = key; self.slug = slug; self.firstSlug = firstSlug ?? slug; self.firstSeen = firstSeen; self.lastSeen = lastSeen; self.goneSince = goneSince
        self.status = status; self.price = price; self.previousPrice = previousPrice; self.snapshots = snapshots
    }
}

/// One URL the site has published, by site path (`en/horses/arko/index.html`).
package struct PublishedURL: Sendable, Equatable {
    package var path: String
    /// The item the page showed, `nil` for listings and other pages.
    package var item: HistoryItemKey?
    package var language: String
    package var firstPublished: Date
    package var lastPublished: Date

    package init(path: String, item: HistoryItemKey?, language: String, firstPublished: Date, lastPublished: Date) {
        self.path = path; self.item = item; self.language = language
        self.firstPublished = firstPublished; self.lastPublished = lastPublished
    }
}

/// Everything the history holds, read at the start of a build.
package struct HistoryContents: Sendable {
    package var items: [HistoryItemKey: ItemHistory] = [:]
    /// By site path.
    package var urls: [String: PublishedURL] = [:]
    /// When the first build recorded in this history published, `nil` before any.
    package var firstBuild: Date?

    package init(items: [HistoryItemKey: ItemHistory] = [:], urls: [String: PublishedURL] = [:], firstBuild: Date? = nil) {
        self.items = items; self.urls = urls; self.firstBuild = firstBuild
    }
}

/// One item as a build found it in its catalogue.
package struct ObservedItem: Sendable {
    package var key: HistoryItemKey
    /// The slug the build published it under.
    package var slug: String
    package var status: String
    package var price: String?
    /// The item by language, as JSON; stored only when its digest changed.
    package var snapshots: [String: Data]

    package init(key: HistoryItemKey, slug: String, status: String, price: String?, snapshots: [String: Data]) {
        self.key = key; self.slug = slug; self.status = status; self.price = price; self.snapshots = snapshots
    }
}

/// What one published build saw: the items of its catalogues and the pages it published.
package struct BuildObservation: Sendable {
    package var items: [ObservedItem]
    /// Every HTML page the build published: path, the item it shows (if any), language.
    package var pages: [(path: String, item: HistoryItemKey?, language: String)]
    /// Kinds of items this build's catalogues carry: an item of another kind is not marked gone
    /// (a site that stops fetching a source keeps that source's items as they were).
    package var kinds: Set<String>

    package init(items: [ObservedItem], pages: [(path: String, item: HistoryItemKey?, language: String)], kinds: Set<String>) {
        self.items = items; self.pages = pages; self.kinds = kinds
    }
}
