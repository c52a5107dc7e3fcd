import Foundation

/// One event of `GET …/animals/{official_id}/events`. Only the four reproduction types are kept,
/// with the fields of their documented parameters; every other type (`heat`, `health_*`, feeding,
/// `information_update`) is read for its calving number at most and otherwise dropped.
struct HerdEventRecord: Decodable {
    var type: String
    var time: SmaxtecTime?
    var event: ReproductionEvent?
    /// `information.calving_number` of any event (`information_update` carries one).
    var calvingNumber: Int?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        type = (c.lenientString("event_type", "type") ?? "").lowercased()
        time = c.lenientString("event_ts", "timestamp").flatMap(SmaxtecTime.init)
        let info = c.lenientObject("information")
        calvingNumber = info?.lenientInt("calving_number")
        guard let time else { return }
        switch type {
        case "insemination":
            let days = info?.lenientInt("days_to_calving")
            // A negative or absent value is no forecast (legacy records send -1).
            let expected = days.flatMap { $0 > 0 ? time.date.adding(days: $0) : nil }
            event = ReproductionEvent(kind: .insemination, date: time.date, expectedCalving: expected)
        case "pregnancy_result":
            event = ReproductionEvent(
                kind: .pregnancyResult, date: time.date, pregnant: info?.lenientBool("pregnant", "result"),
                expectedCalving: info?.lenientString("expected_calving_date").flatMap { SmaxtecTime($0)?.date ?? CalendarDate(apiText: $0) })
        case "calving_confirmation", "calving":
            event = ReproductionEvent(kind: .calving, date: time.date, calvingNumber: calvingNumber)
        case "abort", "abortion":
            event = ReproductionEvent(kind: .abort, date: time.date, lateAbort: info?.lenientBool("late_abort"))
        default:
            break
        }
    }
}

/// What an animal's events give the site: the reproduction history, the calving number and the last calving.
package struct HerdEvents: Sendable, Hashable {
    package var reproduction: [ReproductionEvent] = []
    package var calvingNumber: Int?
    package var lastCalving: CalendarDate?
    /// Events that could not be read (index and reason).
    package var skipped: [String] = []

    package init() {}

    /// Decodes the event list (bare, or wrapped as `{"data": …}` or `{"events": …}`).
    /// - Throws: ``CatalogueDecodingError`` for a body that is not a list of events.
    package init(smaxtecJSON data: Data) throws {
        let list = try APIBody.decode(SmaxtecList<Lenient<HerdEventRecord>>.self, from: data, enveloped: false).items
        var dated: [(ReproductionEvent, Date, Int)] = []
        var statedNumbers: [Int] = []
        for (index, entry) in list.enumerated() {
            guard let record = entry.value else {
                skipped.append("event \(index): \(entry.failure ?? "unreadable")")
                continue
            }
            if let number = record.calvingNumber, number >= 0, ["calving_confirmation", "calving", "information_update"].contains(record.type) {
                statedNumbers.append(number)
            }
            if let event = record.event, let time = record.time { dated.append((event, time.instant, index)) }
        }
        reproduction = dated.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
        let calvings = reproduction.filter { $0.kind == .calving }
        lastCalving = calvings.map(\.date).max()
        calvingNumber = statedNumbers.max().map { max($0, calvings.count) } ?? (calvings.isEmpty ? nil : calvings.count)
    }
}

extension CalendarDate {
    /// The day `days` later (earlier when negative).
    package func adding(days: Int) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let end = calendar.date(byAdding: .day, value: days, to: start) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: end)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }
}

extension HerdAnimal {
    /// Takes the reproduction history, calving number and last calving from the animal's events.
    package mutating func apply(_ events: HerdEvents) {
        reproduction = events.reproduction
        calvingNumber = events.calvingNumber
        lastCalving = events.lastCalving
    }
}
