import Foundation

/// The animals for sale, over every page.
struct HusbandryFetch: Sendable {
    var animals: [SaleAnimal]
    var fromCache: Int
    var newest: Date?
}

extension CatalogueFetcher {
    /// `fetchAnimals` when Husbandry is configured; `nil` otherwise.
    func fetchAnimalsIfConfigured(_ client: HusbandryClient?, journal: FetchJournal,
                      progress: (@Sendable (FetchProgress) -> Void)?) async throws -> HusbandryFetch? {
        guard let client else { return nil }
        return try await fetchAnimals(client, journal: journal, progress: progress)
    }

    /// Page 1, then the pages its `total` announces (concurrently, within the run's bound), or,
    /// when it announces none, page after page until one comes back short. Any failed page throws.
    ///
    /// When Husbandry goes down during the run (a page stood in with its cached copy), the whole
    /// listing is read from the cache instead: fresh pages beside old ones could drop or repeat
    /// animals that moved between pages.
    func fetchAnimals(_ client: HusbandryClient, journal: FetchJournal,
                      progress: (@Sendable (FetchProgress) -> Void)?) async throws -> HusbandryFetch {
        let fetched = try await readAnimals(client, journal: journal, progress: progress)
        guard fetched.standIns > 0 else { return fetched.result }
        let cached = HusbandryClient(configuration: client.configuration, access: client.access, store: client.store.cacheOnly)
        let reread = try await readAnimals(cached, journal: journal, progress: progress)
        await journal.noteStandIns(.husbandry, count: reread.pages)
        return reread.result
    }

    private func readAnimals(_ client: HusbandryClient, journal: FetchJournal, progress: (@Sendable (FetchProgress) -> Void)?)
        async throws -> (result: HusbandryFetch, pages: Int, standIns: Int) {
        let source = "\(SourceService.husbandry)"
        var pages: [Int: SaleAnimalPage] = [:]
        var result = HusbandryFetch(animals: [], fromCache: 0)
        var standIns = 0

        @Sendable func load(_ number: Int) async throws -> (Int, ResponseStore.Loaded<SaleAnimalPage>) {
            do {
                return (number, try await client.page(number))
            } catch let error as SourcesError {
                throw SourcesError.listingFailed(service: .husbandry, listing: "animals for sale", underlying: error)
            }
        }
        func keep(_ number: Int, _ loaded: ResponseStore.Loaded<SaleAnimalPage>) async {
            pages[number] = loaded.value
            for skipped in loaded.value.skipped {
                await journal.warn("skipped an unreadable animal on \(SourceService.husbandry) page \(number): \(skipped)")
            }
            for warning in loaded.value.warnings {
                await journal.warn("\(SourceService.husbandry) page \(number): \(warning)")
            }
            switch loaded.origin {
            case .network: result.newest = Date()
            case .cache(let at): result.fromCache += 1; result.newest = max(result.newest ?? at, at)
            case .fallback(let at, _): standIns += 1; result.fromCache += 1; result.newest = max(result.newest ?? at, at)
            }
        }

        let (_, first) = try await load(1)
        await keep(1, first)
        if let count = client.pageCount(first: first.value) {
            progress?(FetchProgress(source: source, done: 1, total: count))
            var done = 1
            try await BoundedTasks.run(Array(stride(from: 2, through: count, by: 1)), width: taskWidth) {
                try await load($0)
            } collect: { number, loaded in
                await keep(number, loaded)
                done += 1
                progress?(FetchProgress(source: source, done: done, total: count))
            }
        } else {
            var number = 1
            var last = first.value
            let limit = max(1, last.limit ?? client.configuration.pageSize)
            while last.recordCount >= limit, number < 10_000 {
                number += 1
                let (_, loaded) = try await load(number)
                await keep(number, loaded)
                last = loaded.value
                progress?(FetchProgress(source: source, done: number, total: number))
            }
        }

        var seen = Set<String>()
        for number in pages.keys.sorted() {
            for animal in pages[number]!.animals where seen.insert(animal.id).inserted {
                result.animals.append(animal)
            }
        }
        return (result, pages.count, standIns)
    }
}
