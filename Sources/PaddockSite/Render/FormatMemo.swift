import Foundation

/// Texts already formatted by one ``LocaleFormat``: Foundation's number, date and currency
/// formatting costs microseconds a call, and catalogues repeat heights, dates and prices a lot.
///
/// Shared by the render workers of one language, behind a lock (held only for a lookup or an
/// insert, never while formatting).
final class FormatMemo<Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [Key: String] = [:]
    /// Bounded so a catalogue of all-different values cannot grow it without end.
    private let limit: Int

    init(limit: Int = 50_000) { self.limit = limit }

    /// The text for `key`, formatted by `format` the first time.
    func text(_ key: Key, _ format: () -> String) -> String {
        lock.lock()
        let known = texts[key]
        lock.unlock()
        if let known { return known }
        let text = format()
        lock.lock()
        if texts.count < limit { texts[key] = text }
        lock.unlock()
        return text
    }
}
