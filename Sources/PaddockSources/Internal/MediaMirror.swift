import Crypto
import Foundation

/// Downloads every picture the pages show into the cache, once, through the run's transport (its
/// bound on requests, retries, 429 gate and `Retry-After`), revalidating the copies it has.
///
/// Each hop of a picture is checked before it is contacted: http(s) only, no loop, no more than
/// ``MediaMirrorConfiguration/maxRedirects`` redirects, its addresses allowed by
/// ``MediaAddressPolicy``; the body must be a raster picture within the size limit, and the whole
/// download, every try and redirect included, ends within the time limit. A picture refused or
/// failing is a warning naming its item and the reason; the rest goes on.
struct MediaMirror: Sendable {
    let transport: HTTPTransport
    let configuration: MediaMirrorConfiguration
    let cache: URL
    let width: Int

    /// What one picture's download gave.
    enum Outcome: Sendable {
        case stored(sha256: String, validators: CacheValidators)
        case unchanged(validators: CacheValidators)
        /// Refused for what it is or where it leads; never retried in this run.
        case refused(String)
        /// Could not be fetched now (the host down, a timeout): an earlier copy stands in.
        case failed(String)
    }

    struct Report: Sendable {
        var downloaded = 0
        var unchanged = 0
        var refused: [(item: String, url: String, reason: String)] = []
        var failed: [(item: String, url: String, reason: String)] = []
    }

    func run(_ references: [MediaReference], journal: FetchJournal,
             progress: (@Sendable (FetchProgress) -> Void)?) async throws -> Report {
        var seen = Set<String>()
        let unique = references.filter { seen.insert($0.url).inserted }
        var index = MirroredMedia.load(from: cache)
        let previous = index.entries
        var report = Report()
        let now = Date()
        var done = 0
        progress?(FetchProgress(source: "Pictures", done: 0, total: unique.count))

        try await BoundedTasks.run(unique, width: width) { reference in
            (reference, await mirror(reference, previous: previous[reference.url]))
        } collect: { reference, outcome in
            done += 1
            progress?(FetchProgress(source: "Pictures", done: done, total: unique.count))
            var entry = previous[reference.url] ?? MirroredMedia.Entry(fetchedAt: now, seenAt: now, item: reference.item)
            entry.seenAt = now
            entry.item = reference.item
            switch outcome {
            case .stored(let sha, let validators):
                report.downloaded += 1
                entry = MirroredMedia.Entry(sha256: sha, etag: validators.etag, lastModified: validators.lastModified,
                                            fetchedAt: now, seenAt: now, item: reference.item)
            case .unchanged(let validators):
                report.unchanged += 1
                entry.etag = validators.etag ?? entry.etag
                entry.lastModified = validators.lastModified ?? entry.lastModified
                entry.fetchedAt = now
            case .refused(let reason):
                report.refused.append((reference.item, reference.url, reason))
                entry = MirroredMedia.Entry(fetchedAt: now, seenAt: now, refused: reason, item: reference.item)
                await journal.warn("skipped the picture of \(reference.item) (\(Self.loggable(reference.url))): \(reason)")
            case .failed(let reason):
                report.failed.append((reference.item, reference.url, reason))
                let standsIn = entry.sha256 != nil
                if !standsIn { entry.refused = reason }
                await journal.warn("could not mirror the picture of \(reference.item) (\(Self.loggable(reference.url))): \(reason)"
                                   + (standsIn ? "; the earlier copy stands in" : ""))
            }
            index.entries[reference.url] = entry
        }
        prune(&index, referenced: seen, now: now)
        try index.save(to: cache)
        return report
    }

    /// One picture, hop by hop.
    func mirror(_ reference: MediaReference, previous: MirroredMedia.Entry?) async -> Outcome {
        let deadline = ContinuousClock.now + configuration.timeLimit
        var current = reference.url
        var visited: Set<String> = []
        var originIsPublic: Bool?
        for hop in 0...configuration.maxRedirects {
            guard let url = URL(string: current), let scheme = url.scheme?.lowercased() else {
                return .refused("\(hop == 0 ? "not" : "a redirect to something that is not") an address")
            }
            guard scheme == "http" || scheme == "https" else {
                return .refused(hop == 0 ? "not an http(s) address (\(scheme):)" : "a redirect to a non-HTTP address (\(scheme):)")
            }
            guard let host = url.host(percentEncoded: false), !host.isEmpty, url.user == nil else {
                return .refused("an address without a host, or with a user name")
            }
            guard visited.insert(url.absoluteString).inserted else { return .refused("a redirect loop") }
            let addresses = await HostResolver.addresses(of: host)
            let isPublic = originIsPublic ?? MediaAddressPolicy.allPublic(addresses)
            originIsPublic = isPublic
            if addresses.isEmpty { return .failed("its host \(host) does not resolve") }
            if let refusal = MediaAddressPolicy.refusal(for: addresses, originIsPublic: isPublic) { return .refused(refusal) }

            var request = APIRequest(service: .media, item: "the picture of \(reference.item)", method: .GET, url: url.absoluteString)
            request.expects = .image
            request.maxBodyBytes = configuration.maxBytes
            request.deadline = deadline
            request.returnsRedirects = true
            let original = previous?.sha256.map { MirroredMedia.originalsFolder(in: cache).appending(path: $0) }
            if hop == 0, let previous, let original, FileManager.default.fileExists(atPath: original.path) {
                request.headers += previous.validators.requestHeaders
            }
            do {
                switch try await transport.send(request, decode: { $0 }) {
                case .fresh(_, let body, let headers):
                    let sha = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
                    let file = MirroredMedia.originalsFolder(in: cache).appending(path: sha)
                    if !FileManager.default.fileExists(atPath: file.path) {
                        do { try CacheFile.write(body, to: file) } catch { return .failed("\(error)") }
                    }
                    return .stored(sha256: sha, validators: CacheValidators(headers))
                case .notModified(let headers):
                    if let original, let size = try? original.resourceValues(forKeys: [.fileSizeKey]).fileSize {
                        await transport.statistics.recordRevalidated(bytes: size)
                    }
                    return .unchanged(validators: previous?.validators.updated(by: headers) ?? CacheValidators(headers))
                case .redirect(let location):
                    guard let next = URL(string: location, relativeTo: url)?.absoluteURL.absoluteString else {
                        return .refused("a redirect to something that is not an address")
                    }
                    current = next
                }
            } catch let error as SourcesError {
                switch error {
                case .malformedResponse(_, _, let detail, _): return .refused(detail)
                case .bodyTooLarge(_, _, let limit): return .refused("more than \(limit) bytes (media.max_bytes)")
                case .serviceError(_, _, let status, _) where status == 404 || status == 410: return .refused("HTTP \(status)")
                case .transport(_, _, let detail, _) where ContinuousClock.now >= deadline:
                    return .failed("took longer than its time limit (\(configuration.timeLimit)): \(detail)")
                default: return .failed(Self.reason(error))
                }
            } catch {
                return .failed("\(error)")
            }
        }
        return .refused("more than \(configuration.maxRedirects) redirects")
    }

    /// The error without the service and item its description repeats.
    static func reason(_ error: SourcesError) -> String {
        switch error {
        case .transport(_, _, let detail, let tries): "\(detail) (\(tries) tries)"
        case .httpStatus(_, _, let status, let tries): "HTTP \(status) (\(tries) tries)"
        case .serviceError(_, _, let status, let message): "HTTP \(status): \(message)"
        case .serviceDown(_, _, let reason): "the picture hosts are down for this run (\(reason))"
        default: "\(error)"
        }
    }

    /// A URL for messages: without its query (which may carry a token).
    static func loggable(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }

    /// Drops the entries no fetch referred to within the keep period, then every original no
    /// entry names.
    private func prune(_ index: inout MirroredMedia, referenced: Set<String>, now: Date) {
        let keep = Double(configuration.keepUnreferenced.components.seconds)
        index.entries = index.entries.filter { url, entry in referenced.contains(url) || now.timeIntervalSince(entry.seenAt) <= keep }
        let named = Set(index.entries.values.compactMap(\.sha256))
        let folder = MirroredMedia.originalsFolder(in: cache)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !named.contains(name) {
            try? FileManager.default.removeItem(at: folder.appending(path: name))
        }
    }
}

extension MirroredMedia.Entry {
    var validators: CacheValidators { CacheValidators(etag: etag, lastModified: lastModified) }
}
