import Foundation
import PaddockCatalogue
import PaddockHistory

/// The site's history database (`.paddock/history.sqlite`) as one build uses it: the lifecycle it
/// means now, and the record of what the build published. Blocking: called through the build's
/// hop off the cooperative pool (``RenderThreads``).
struct SiteHistory: Sendable {
    let store: HistoryStore

    static func file(_ config: SiteConfig) -> URL { config.root.appending(path: ".paddock/\(HistoryStore.fileName)") }

    init(config: SiteConfig, busyTimeout: Duration) throws {
        store = try HistoryStore(file: Self.file(config), busyTimeout: busyTimeout)
    }

    /// What of the lifecycle changes with time alone (badges that expire, sold pages that end):
    /// part of the build's fingerprint, so an unchanged site renders again when it changes.
    func stamp(_ settings: LifecycleSettings, now: Date) throws -> String {
        let counts = try store.lifecycleCounts(newSince: now.addingTimeInterval(-Double(settings.newDays) * 86_400),
                                               goneSince: now.addingTimeInterval(-Double(settings.soldPageDays) * 86_400))
        return "lifecycle|\(counts.new)|\(counts.standing)"
    }

    /// The lifecycle of this build: the history with the snapshots of the items it no longer lists.
    func lifecycle(catalogues: [Catalogue], config: SiteConfig, now: Date) throws -> SiteLifecycle {
        var contents = try store.read()
        let kinds = Self.kinds(catalogues: catalogues, config: config)
        let gone = SiteLifecycle.goneCandidates(history: contents, catalogues: catalogues, kinds: kinds)
        for (key, snapshots) in try store.snapshots(of: gone) { contents.items[key]?.snapshots = snapshots }
        return SiteLifecycle(history: contents, catalogues: catalogues, kinds: kinds, settings: config.lifecycle, now: now)
    }

    /// Records what `plan` published, around `publish` (the swap): nothing is recorded when it throws.
    func record<T>(plan: SitePlan, at now: Date, publish: () throws -> T) throws -> T {
        try store.record(Self.observation(plan), at: now, publishing: publish)
    }

    /// The kinds of items the site fetches (as ``SitePlan/hasHorses``, ``SitePlan/hasAnimals`` and
    /// ``SitePlan/hasHerd``): a kind the site no longer fetches keeps its items (they are not gone).
    static func kinds(catalogues: [Catalogue], config: SiteConfig) -> Set<ItemKind> {
        var kinds: Set<ItemKind> = []
        if config.sources.equicty != nil || catalogues.contains(where: { !$0.horses.isEmpty }) { kinds.insert(.horse) }
        if config.sources.husbandry != nil || catalogues.contains(where: { !$0.animals.isEmpty }) { kinds.insert(.animal) }
        if config.sources.smaxtec != nil || catalogues.contains(where: { !$0.herd.isEmpty }) { kinds.insert(.herdAnimal) }
        return kinds
    }

    /// The items of the plan's catalogues and its published pages.
    static func observation(_ plan: SitePlan) -> BuildObservation {
        let languages = plan.languages
        let perLanguage = ParallelSlots<[HistoryItemKey: ObservedItem]>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            let language = languages[index]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var items: [HistoryItemKey: ObservedItem] = [:]
            let catalogue = plan.catalogues[language] ?? Catalogue(language: language)
            for horse in catalogue.horses {
                let key = ItemKind.horse.key(horse.id)
                guard items[key] == nil, let slug = plan.horseSlugs[horse.id] else { continue }
                // The sold page shows the facts and the built-in pedigree: HorseTelex's HTML is not kept.
                var kept = horse
                kept.horsetelexHTML = nil
                items[key] = ObservedItem(key: key, slug: slug, status: "listed", price: nil,
                                          snapshots: (try? encoder.encode(kept)).map { [language: $0] } ?? [:])
            }
            for animal in catalogue.animals {
                let key = ItemKind.animal.key(animal.id)
                guard items[key] == nil, let slug = plan.animalSlugs[animal.id] else { continue }
                items[key] = ObservedItem(key: key, slug: slug, status: animal.isReserved ? "hold" : "available",
                                          price: animal.price.map { "\($0)" },
                                          snapshots: (try? encoder.encode(animal)).map { [language: $0] } ?? [:])
            }
            // Listed herd animals only: one tagged sold or archived is gone (``SiteLifecycle``).
            for animal in catalogue.herd where animal.isListed {
                let key = ItemKind.herdAnimal.key(animal.id)
                guard items[key] == nil, let slug = plan.herd.slugs[animal.id] else { continue }
                items[key] = ObservedItem(key: key, slug: slug, status: "listed", price: nil,
                                          snapshots: (try? encoder.encode(animal)).map { [language: $0] } ?? [:])
            }
            perLanguage.set(index, items)
        }
        var merged: [HistoryItemKey: ObservedItem] = [:]
        for items in perLanguage.take() {
            for (key, item) in items {
                if merged[key] == nil { merged[key] = item } else { merged[key]!.snapshots.merge(item.snapshots) { first, _ in first } }
            }
        }
        var pages: [(path: String, item: HistoryItemKey?, language: String)] = []
        for page in plan.pages where page.path.hasSuffix(".html") {
            switch page.kind {
            case .notFound, .moved, .gone: continue
            case .horse(let id): pages.append((page.path, ItemKind.horse.key(id), page.language))
            case .animal(let id): pages.append((page.path, ItemKind.animal.key(id), page.language))
            case .herdAnimal(let id): pages.append((page.path, ItemKind.herdAnimal.key(id), page.language))
            case .sold(let kind, let id): pages.append((page.path, kind.key(id), page.language))
            default: pages.append((page.path, nil, page.language))
            }
        }
        return BuildObservation(items: merged.values.sorted { $0.key < $1.key }, pages: pages,
                                kinds: Set(kinds(catalogues: Array(plan.catalogues.values), config: plan.config).map(\.rawValue)))
    }
}
