import Foundation
import PaddockCatalogue
import PaddockHistory

/// A badge of an item's lifecycle, shown on its card and page.
package enum LifecycleBadge: String, Sendable, CaseIterable {
    case new
    case priceReduced = "price-reduced"
    case sold

    var translationKey: String {
        switch self {
        case .new: "badge_new"
        case .priceReduced: "badge_price_reduced"
        case .sold: "badge_sold"
        }
    }
}

/// What the site's history means for one build at one moment: the addresses items keep, the
/// items gone from their catalogue (with their pages while they stand), and the badges.
///
/// Pure: made from the history, the catalogues, the settings and `now` (injected: tests pass
/// any date), so every rule here is tested without a database or a clock.
package struct SiteLifecycle: Sendable {
    package let settings: LifecycleSettings
    package let now: Date
    package let history: HistoryContents
    /// Slugs items keep, by kind: id → slug (empty when renamed items move).
    package let pinned: [ItemKind: [String: String]]
    /// Every slug an item was published under, by kind: slug → id.
    package let owners: [ItemKind: [String: String]]
    /// Items gone from their catalogue, as last seen, by language and id.
    package let goneHorses: [String: [String: Horse]]
    package let goneAnimals: [String: [String: SaleAnimal]]
    /// Herd animals no longer listed: the current catalogue's record where it still has one
    /// (tagged sold, archived), else the snapshot.
    package let goneHerd: [String: [String: HerdAnimal]]
    /// Gone items whose sold page still stands.
    package let retired: Set<HistoryItemKey>
    /// Badges of listed and retired items.
    package let badges: [HistoryItemKey: [LifecycleBadge]]

    /// - Parameters:
    ///   - history: with the snapshots of ``goneCandidates(history:catalogues:kinds:)``.
    ///   - kinds: the kinds of items this build's catalogues carry: a listed item of another kind
    ///     missing from them is not gone (the site no longer fetches its source).
    package init(history: HistoryContents, catalogues: [Catalogue], kinds: Set<ItemKind>, settings: LifecycleSettings, now: Date) {
        self.settings = settings; self.now = now; self.history = history
        var pinned: [ItemKind: [String: String]] = [:]
        var owners: [ItemKind: [String: String]] = [:]
        for item in history.items.values {
            guard let kind = ItemKind(rawValue: item.key.kind) else { continue }
            owners[kind, default: [:]][item.slug] = item.key.id
            if settings.keepFirstURL { pinned[kind, default: [:]][item.key.id] = item.slug }
        }
        for url in history.urls.values {
            guard let item = url.item, let kind = ItemKind(rawValue: item.kind), let slug = Self.itemSlug(url.path, kind: kind) else { continue }
            if owners[kind]?[slug] == nil { owners[kind, default: [:]][slug] = item.id }
        }
        self.pinned = pinned
        self.owners = owners

        let decoder = JSONDecoder()
        var goneHorses: [String: [String: Horse]] = [:], goneAnimals: [String: [String: SaleAnimal]] = [:]
        var goneHerd: [String: [String: HerdAnimal]] = [:]
        let herdRecords = Self.unlistedHerd(catalogues)
        let soldEvidence = Self.soldEvidence(catalogues)
        var retired: Set<HistoryItemKey> = []
        let standsSince = now.addingTimeInterval(-Double(settings.soldPageDays) * 86_400)
        for key in Self.goneCandidates(history: history, catalogues: catalogues, kinds: kinds) {
            guard let item = history.items[key], let kind = ItemKind(rawValue: key.kind) else { continue }
            for (language, json) in item.snapshots {
                switch kind {
                case .horse: if let horse = try? decoder.decode(Horse.self, from: json) { goneHorses[language, default: [:]][horse.id] = horse }
                case .animal: if let animal = try? decoder.decode(SaleAnimal.self, from: json) { goneAnimals[language, default: [:]][animal.id] = animal }
                case .herdAnimal: if let animal = try? decoder.decode(HerdAnimal.self, from: json) { goneHerd[language, default: [:]][animal.id] = animal }
                }
            }
            var hasRecord = !item.snapshots.isEmpty
            if kind == .herdAnimal {
                for (language, records) in herdRecords {
                    guard let record = records[key.id] else { continue }
                    goneHerd[language, default: [:]][key.id] = record
                    hasRecord = true
                }
            }
            // An item gone in this very build is gone since now.
            guard item.goneSince ?? now >= standsSince, settings.soldPageDays > 0, hasRecord else { continue }
            if soldEvidence.allowsSoldPage(kind, id: key.id) { retired.insert(key) }
        }
        self.goneHorses = goneHorses; self.goneAnimals = goneAnimals; self.goneHerd = goneHerd; self.retired = retired

        var badges: [HistoryItemKey: [LifecycleBadge]] = [:]
        for key in retired { badges[key] = [.sold] }
        let newSince = now.addingTimeInterval(-Double(settings.newDays) * 86_400)
        var seen: Set<HistoryItemKey> = []
        for catalogue in catalogues {
            for horse in catalogue.horses where seen.insert(ItemKind.horse.key(horse.id)).inserted {
                let key = ItemKind.horse.key(horse.id)
                if Self.isNew(history.items[key], history: history, since: newSince) { badges[key] = [.new] }
            }
            for animal in catalogue.animals where seen.insert(ItemKind.animal.key(animal.id)).inserted {
                let key = ItemKind.animal.key(animal.id)
                var list: [LifecycleBadge] = []
                if Self.isNew(history.items[key], history: history, since: newSince) { list.append(.new) }
                if Self.isReduced(animal.price, history.items[key]) { list.append(.priceReduced) }
                if !list.isEmpty { badges[key] = list }
            }
        }
        self.badges = badges
    }

    /// Items of the history that this build's catalogues no longer list: gone before, or gone now.
    package static func goneCandidates(history: HistoryContents, catalogues: [Catalogue], kinds: Set<ItemKind>) -> Set<HistoryItemKey> {
        var listed: Set<HistoryItemKey> = []
        for catalogue in catalogues {
            for horse in catalogue.horses { listed.insert(ItemKind.horse.key(horse.id)) }
            for animal in catalogue.animals { listed.insert(ItemKind.animal.key(animal.id)) }
            for animal in catalogue.herd where animal.isListed { listed.insert(ItemKind.herdAnimal.key(animal.id)) }
        }
        var gone: Set<HistoryItemKey> = []
        for item in history.items.values where !listed.contains(item.key) {
            guard let kind = ItemKind(rawValue: item.key.kind) else { continue }
            if item.goneSince != nil || kinds.contains(kind) { gone.insert(item.key) }
        }
        return gone
    }

    /// The herd animals each language's catalogue still has but no longer lists (sold, archived).
    static func unlistedHerd(_ catalogues: [Catalogue]) -> [String: [String: HerdAnimal]] {
        var records: [String: [String: HerdAnimal]] = [:]
        for catalogue in catalogues {
            for animal in catalogue.herd where !animal.isListed { records[catalogue.language, default: [:]][animal.id] = animal }
        }
        return records
    }

    /// What this build's catalogues say was sold, for the sources whose leaving is not a sale by
    /// itself: a smaXtec animal may have been culled, died or been archived, so its page says sold
    /// only while the herd tags it `sold` (its herd page and its for-sale page alike).
    struct SoldEvidence {
        /// Ids of herd animals tagged sold.
        var herd: Set<String> = []
        /// For-sale ids (``HerdPlan/saleID(_:)``) of those herd animals.
        var herdSales: Set<String> = []

        func allowsSoldPage(_ kind: ItemKind, id: String) -> Bool {
            switch kind {
            case .horse: true
            case .animal: leavingMeansSold(kind, id: id) || herdSales.contains(id)
            case .herdAnimal: herd.contains(id)
            }
        }
    }

    /// Whether an item that left its catalogue was sold, as far as anyone can tell: true for
    /// horses and Husbandry animals, not for the herd's (sold only when tagged so).
    static func leavingMeansSold(_ kind: ItemKind, id: String) -> Bool {
        switch kind {
        case .horse: true
        case .animal: !HerdPlan.isSaleID(id)
        case .herdAnimal: false
        }
    }

    static func soldEvidence(_ catalogues: [Catalogue]) -> SoldEvidence {
        var evidence = SoldEvidence()
        for catalogue in catalogues {
            for animal in catalogue.herd where animal.isTaggedSold && evidence.herd.insert(animal.id).inserted {
                evidence.herdSales.insert(HerdPlan.saleID(animal.id))
            }
        }
        return evidence
    }

    /// New: first seen within `new_days`. Items of the history's first build predate it (their
    /// real first day is unknown), and so do all items of a site without history yet.
    static func isNew(_ item: ItemHistory?, history: HistoryContents, since: Date) -> Bool {
        guard let firstBuild = history.firstBuild else { return false }
        guard let item else { return true }
        if item.goneSince != nil { return false }
        return item.firstSeen > firstBuild && item.firstSeen >= since
    }

    /// Reduced: the price is lower than the one before its latest change (this build's change
    /// when the price differs from the one recorded).
    static func isReduced(_ price: Decimal?, _ item: ItemHistory?) -> Bool {
        guard let price, price > 0, let item else { return false }
        let recorded = item.price.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        let reference = recorded == price
            ? item.previousPrice.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
            : recorded
        guard let reference else { return false }
        return price < reference
    }

    /// The item slug of a site path in `kind`'s folder (`en/horses/arko/index.html` → `arko`).
    static func itemSlug(_ path: String, kind: ItemKind) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[1] + "/" == kind.folder, parts[3] == "index.html" else { return nil }
        return String(parts[2])
    }

    func badges(_ kind: ItemKind, _ id: String) -> [LifecycleBadge] { badges[kind.key(id)] ?? [] }
    func isRetired(_ kind: ItemKind, _ id: String) -> Bool { retired.contains(kind.key(id)) }
}
