import Foundation

/// The horses of one language, assembled.
struct EquictyFetch: Sendable {
    var horses: [Horse]
    var fromCache: Int
    var failed: Int
    var newest: Date?
}

extension CatalogueFetcher {
    /// The list, then every horse's details and every HorseTelex horse's pedigree, concurrently
    /// within the run's bound. A failed detail keeps the horse's list data.
    func fetchHorses(_ client: EquictyClient, language: String, journal: FetchJournal,
                     progress: (@Sendable (FetchProgress) -> Void)?) async throws -> EquictyFetch {
        let source = "\(SourceService.equicty) (\(language))"
        let listed: ResponseStore.Loaded<DecodedList<Horse>>
        do {
            listed = try await client.list(language: language)
        } catch let error as SourcesError {
            throw SourcesError.listingFailed(service: .equicty, listing: "horse list (\(language))", underlying: error)
        }
        await journal.note(listed.origin, item: "horse list (\(language))")
        for skipped in listed.value.skipped {
            await journal.warn("skipped an unreadable horse of the \(SourceService.equicty) list (\(language)): \(skipped)")
        }
        var horses = listed.value.items
        var result = EquictyFetch(horses: [], fromCache: listed.origin.isCached ? 1 : 0, failed: 0,
                                  newest: listed.origin.isCached ? nil : Date())

        enum Job: Sendable { case details(Int), pedigree(Int) }
        enum Outcome: Sendable {
            case details(Int, ResponseStore.Loaded<Horse>)
            case pedigree(Int, ResponseStore.Loaded<String>)
            case failed(SourcesError)
        }
        let jobs = horses.indices.map { Job.details($0) } + horses.indices.filter { horses[$0].horsetelex }.map { Job.pedigree($0) }
        let ids = horses.map(\.id)
        let total = jobs.count + 1
        var done = 1
        progress?(FetchProgress(source: source, done: done, total: total))

        try await BoundedTasks.run(jobs, width: taskWidth) { job -> Outcome in
            do {
                switch job {
                case .details(let i): return .details(i, try await client.details(id: ids[i], language: language))
                case .pedigree(let i): return .pedigree(i, try await client.pedigreeHTML(id: ids[i], language: language))
                }
            } catch let error as SourcesError {
                return .failed(error)
            }
        } collect: { outcome in
            done += 1
            progress?(FetchProgress(source: source, done: done, total: total))
            switch outcome {
            case .details(let i, let loaded):
                horses[i] = horses[i].merging(details: loaded.value)
                await self.account(loaded.origin, item: "horse \(ids[i]) (\(language))", into: &result, journal: journal)
            case .pedigree(let i, let loaded):
                horses[i].horsetelexHTML = loaded.value
                await self.account(loaded.origin, item: "HorseTelex pedigree of horse \(ids[i]) (\(language))", into: &result, journal: journal)
            case .failed(let error):
                result.failed += 1
                await journal.fail("\(error)")
            }
        }
        result.horses = horses
        return result
    }

    private func account(_ origin: ResponseStore.Origin, item: String, into result: inout EquictyFetch, journal: FetchJournal) async {
        switch origin {
        case .network:
            result.newest = Date()
        case .cache(let fetchedAt):
            result.fromCache += 1
            result.newest = max(result.newest ?? fetchedAt, fetchedAt)
        case .fallback(let fetchedAt, _):
            result.fromCache += 1
            result.newest = max(result.newest ?? fetchedAt, fetchedAt)
            await journal.note(origin, item: item)
        }
    }
}
