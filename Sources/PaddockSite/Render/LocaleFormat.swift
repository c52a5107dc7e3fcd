import Foundation
import PaddockCatalogue

/// Numbers, dates and prices written the way one language writes them.
struct LocaleFormat: Sendable {
    let language: String
    let locale: Locale
    private let dateStyle: Date.FormatStyle
    private let calendar: Calendar
    private let dates = FormatMemo<CalendarDate>()
    /// Keyed by the amount's exact text and the currency; numbers by their bits (so 0 and -0 differ).
    private let prices = FormatMemo<[String]>()
    private let numbers = FormatMemo<UInt64>()

    static func localeIdentifier(_ language: String) -> String {
        switch language {
        case "en": "en_GB"
        case "fr": "fr_FR"
        case "de": "de_DE"
        case "nl": "nl_NL"
        default: language
        }
    }

    init(language: String) {
        self.language = language
        locale = Locale(identifier: Self.localeIdentifier(language))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        self.calendar = calendar
        dateStyle = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar, timeZone: calendar.timeZone)
    }

    /// `7 March 2021`, `7. März 2021`.
    func date(_ date: CalendarDate?) -> String? {
        guard let date else { return nil }
        let text = dates.text(date) {
            guard let value = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
            else { return "" }
            return value.formatted(dateStyle)
        }
        return text.isEmpty ? nil : text
    }

    /// `€1,500.00`, `1.500,00 €`.
    func price(_ amount: Decimal, currency: String) -> String {
        prices.text([amount.description, currency]) { amount.formatted(.currency(code: currency).locale(locale)) }
    }

    /// `1.68`, `1,68`.
    func number(_ value: Double) -> String {
        numbers.text(value.bitPattern) { value.formatted(.number.precision(.fractionLength(0...2)).locale(locale)) }
    }
}
