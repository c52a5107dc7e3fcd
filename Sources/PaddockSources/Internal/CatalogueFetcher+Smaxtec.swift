import Foundation

/// The herd of the configured organisations, assembled.
struct SmaxtecFetch: Sendable {
    var animals: [HerdAnimal] = []
    var fromCache = 0
    var failed = 0
    var newest: Date?
}

extension CatalogueFetcher {
    func smaxtecClient(store: ResponseStore) -> SmaxtecClient? {
        guard let smaxtec = configuration.smaxtec else { return nil }
        let tokens = store.transport.map { transport in
            SmaxtecTokenProvider(baseURL: smaxtec.baseURL, email: credentials.smaxtecEmail ?? "",
                                 password: credentials.smaxtecPassword ?? "", transport: transport)
        }
        return SmaxtecClient(configuration: smaxtec, tokens: tokens, store: store)
    }

    /// `fetchHerd` when smaXtec is configured; `nil` otherwise.
    func fetchHerdIfConfigured(_ client: SmaxtecClient?, journal: FetchJournal,
                               progress: (@Sendable (FetchProgress) -> Void)?) async throws -> SmaxtecFetch? {
        guard let client else { return nil }
        return try await fetchHerd(client, journal: journal, progress: progress)
    }

    /// The organisations, the animals of the chosen ones (a failure stops the run: nothing is
    /// published), then every animal's events concurrently within the run's bound. Events that
    /// fail stand in with their cached copy, else the animal keeps its listing data without its
    /// history, and the failure is reported.
    func fetchHerd(_ client: SmaxtecClient, journal: FetchJournal,
                   progress: (@Sendable (FetchProgress) -> Void)?) async throws -> SmaxtecFetch {
        let source = "\(SourceService.smaxtec)"
        var result = SmaxtecFetch()
        func account(_ origin: ResponseStore.Origin, item: String) async {
            switch origin {
            case .network: result.newest = Date()
            case .cache(let at): result.fromCache += 1; result.newest = max(result.newest ?? at, at)
            case .fallback(let at, _):
                result.fromCache += 1; result.newest = max(result.newest ?? at, at)
                await journal.note(origin, item: item)
            }
        }
        func listing<Value>(_ name: String, _ load: () async throws -> ResponseStore.Loaded<Value>) async throws -> Value {
            do {
                let loaded = try await load()
                await account(loaded.origin, item: name)
                return loaded.value
            } catch let error as SourcesError {
                throw SourcesError.listingFailed(service: .smaxtec, listing: name, underlying: error)
            }
        }

        let all = try await listing("organisations") { try await client.organisations() }
        let chosen = try Self.choose(client.configuration.organisations, from: all)
        var done = 1
        var total = 1 + chosen.count
        progress?(FetchProgress(source: source, done: done, total: total))
        // The organisations' animal lists at the same time, kept in the organisations' order.
        let lists = try await withThrowingTaskGroup(of: (Int, ResponseStore.Loaded<(animals: [HerdAnimal], skipped: [String])>).self) { group in
            for (index, organisation) in chosen.enumerated() {
                group.addTask {
                    do {
                        return (index, try await client.animals(organisation: organisation.id))
                    } catch let error as SourcesError {
                        throw SourcesError.listingFailed(service: .smaxtec, listing: "animals of organisation \(organisation.name ?? organisation.id)",
                                                         underlying: error)
                    }
                }
            }
            var lists: [Int: ResponseStore.Loaded<(animals: [HerdAnimal], skipped: [String])>] = [:]
            for try await (index, loaded) in group { lists[index] = loaded }
            return lists
        }
        var animals: [HerdAnimal] = []
        for (index, organisation) in chosen.enumerated() {
            let loaded = lists[index]!
            await account(loaded.origin, item: "animals of organisation \(organisation.name ?? organisation.id)")
            let listed = loaded.value
            for skipped in listed.skipped {
                await journal.warn("skipped an unreadable \(SourceService.smaxtec) animal of organisation \(organisation.id): \(skipped)")
            }
            var seen = Set(animals.map(\.id))
            for var animal in listed.animals where seen.insert(animal.id).inserted {
                animal.organisationName = organisation.name
                animals.append(animal)
            }
            done += 1
            total += listed.animals.count
            progress?(FetchProgress(source: source, done: done, total: total))
        }

        let keys = animals.map { ($0.organisationID, $0.officialID) }
        enum Outcome: Sendable {
            case events(Int, ResponseStore.Loaded<HerdEvents>)
            case failed(Int, SourcesError)
        }
        try await BoundedTasks.run(Array(animals.indices), width: taskWidth) { index -> Outcome in
            do {
                return .events(index, try await client.events(organisation: keys[index].0, officialID: keys[index].1))
            } catch let error as SourcesError {
                return .failed(index, error)
            }
        } collect: { outcome in
            done += 1
            progress?(FetchProgress(source: source, done: done, total: total))
            switch outcome {
            case .events(let index, let loaded):
                animals[index].apply(loaded.value)
                for skipped in loaded.value.skipped {
                    await journal.warn("skipped an unreadable \(SourceService.smaxtec) event of animal \(keys[index].1): \(skipped)")
                }
                await account(loaded.origin, item: "events of animal \(keys[index].1)")
            case .failed(_, let error):
                result.failed += 1
                await journal.fail("\(error)")
            }
        }
        result.animals = animals
        return result
    }

    /// The organisations the config names, each by id, or by a name no other organisation of the
    /// user has; every organisation of the user when it names none.
    /// - Throws: ``SourcesError/unknownOrganisation(service:wanted:detail:)`` naming the entry and
    ///   what the user has.
    static func choose(_ wanted: [String], from all: [HerdOrganisation]) throws -> [HerdOrganisation] {
        guard !wanted.isEmpty else { return all }
        let known = all.map { "\($0.id) (\($0.name ?? "no name"))" }.joined(separator: ", ")
        var chosen: [HerdOrganisation] = []
        for entry in wanted {
            let key = entry.trimmingCharacters(in: .whitespaces)
            let found: HerdOrganisation
            if let byID = all.first(where: { $0.id == key }) {
                found = byID
            } else {
                let named = all.filter { $0.name?.trimmingCharacters(in: .whitespaces).lowercased() == key.lowercased() }
                guard named.count == 1 else {
                    let detail = named.isEmpty
                        ? "the smaXtec user has no organisation with this id or name; it has \(known.isEmpty ? "none" : known)"
                        : "\(named.count) organisations have this name (\(named.map(\.id).joined(separator: ", "))); name one by its id"
                    throw SourcesError.unknownOrganisation(service: .smaxtec, wanted: entry, detail: detail)
                }
                found = named[0]
            }
            if !chosen.contains(found) { chosen.append(found) }
        }
        return chosen
    }
}
