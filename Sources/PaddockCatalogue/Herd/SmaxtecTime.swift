import Foundation

/// The time forms the smaXtec document uses: ISO 8601 with an offset (`2019-01-10T13:04:52+00:00`,
/// `…Z`), without one (`2019-01-10T13:04:52`, read as UTC), with fractional seconds, and
/// `2018-04-29 21:00:00` as in its own event examples; also a bare date.
package struct SmaxtecTime: Sendable, Hashable {
    /// The day as written, in the time zone it was written in.
    package var date: CalendarDate
    /// The instant, for ordering; a time without an offset is taken as UTC.
    package var instant: Date

    package init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = Array(trimmed.utf8)
        guard bytes.count >= 10, let date = CalendarDate(apiText: String(trimmed.prefix(10))),
              bytes[4] == UInt8(ascii: "-") else { return nil }
        var seconds = 0.0
        var offset = 0
        if bytes.count > 10 {
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
            let rest = String(trimmed.dropFirst(11))
            // Split the clock from the offset: `Z`, `+hh:mm`, `-hhmm`, `+hh`.
            var clock = rest
            if rest.hasSuffix("Z") || rest.hasSuffix("z") {
                clock = String(rest.dropLast())
            } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                clock = String(rest[..<sign])
                let zone = rest[rest.index(after: sign)...].filter { $0 != ":" }
                guard zone.count == 2 || zone.count == 4, let value = Int(zone) else { return nil }
                let minutes = zone.count == 2 ? value * 60 : (value / 100) * 60 + value % 100
                offset = (rest[sign] == "-" ? -1 : 1) * minutes * 60
            }
            let parts = clock.trimmingCharacters(in: .whitespaces).split(separator: ":")
            guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            let second = parts.count == 3 ? Double(parts[2]) : 0
            guard let second, second >= 0, second < 61 else { return nil }
            seconds = Double(hour * 3600 + minute * 60) + second
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let midnight = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
        self.date = date
        self.instant = midnight.addingTimeInterval(seconds - Double(offset))
    }
}
