import Foundation

/// Reads a price the way breeders type it, or refuses it: a price is never shown as a different number.
///
/// Accepted: `1250`, `"1250"`, `"1250.00"`, `"1,250.00"`, `"1.250,00"`, `"1 250"`, `"1'250"`, `"€1,250"`,
/// `"1250 EUR"`, `"2,20"`. A separator followed by exactly three digits at the end groups thousands
/// (prices have at most two decimals, so `"1.250"` and `"1,250"` are both 1250); any other last
/// separator is the decimal point. `""`, null and zero mean price on request. Negative numbers,
/// `NaN`, exponents, infinities, irregular grouping (`"1,25,0"`) and amounts of a billion or more
/// are refused.
enum PriceText {
    enum Reading: Equatable {
        case amount(Decimal)
        case onRequest
        case refused(String)
    }

    /// Amounts at or above this are refused as implausible for an animal.
    static let ceiling = Decimal(1_000_000_000)

    static func read(_ raw: String) -> Reading {
        var text = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.isEmpty { return .onRequest }
        text = strippingCurrency(text)
        if text.first == "-" || text.first == "−" { return .refused("a negative price") }
        var digits = "", separators: [(Character, Int)] = []  // separator and the digit count before it
        var pendingSpace = false
        for ch in text {
            if ch.isASCII, ch.isNumber {
                if pendingSpace { separators.append((" ", digits.count)); pendingSpace = false }
                digits.append(ch)
            } else if ch == "," || ch == "." || ch == "'" || ch == "’" {
                guard !digits.isEmpty, !pendingSpace, separators.last?.1 != digits.count else { return .refused("not a number") }
                separators.append((ch, digits.count))
            } else if ch == " " || ch == "\u{00A0}" || ch == "\u{202F}" {
                guard !digits.isEmpty, separators.last?.1 != digits.count else { return .refused("not a number") }
                pendingSpace = true
            } else {
                return .refused("not a number")
            }
        }
        guard !digits.isEmpty, !pendingSpace, separators.last?.1 != digits.count else { return .refused("not a number") }

        var decimalAt: Int?
        var grouping = separators
        if let last = separators.last, last.0 == "," || last.0 == "." {
            let after = digits.count - last.1
            let sameKindBefore = separators.dropLast().contains { $0.0 == last.0 }
            let otherKindBefore = separators.dropLast().contains { $0.0 != last.0 }
            if after != 3 || (otherKindBefore && !sameKindBefore) {
                decimalAt = last.1
                grouping.removeLast()
            }
        }
        if let decimalAt, digits.count - decimalAt > 2 {
            return .refused("more than two decimals")
        }
        if !grouping.isEmpty {
            guard Set(grouping.map(\.0)).count == 1 else { return .refused("mixed digit grouping") }
            let whole = decimalAt ?? digits.count
            let first = grouping[0].1
            guard (1...3).contains(first), digits.first != "0" else { return .refused("irregular digit grouping") }
            var expected = first
            for (_, position) in grouping {
                guard position == expected else { return .refused("irregular digit grouping") }
                expected += 3
            }
            guard expected == whole else { return .refused("irregular digit grouping") }
        }
        var plain = digits
        if let decimalAt { plain.insert(".", at: plain.index(plain.startIndex, offsetBy: decimalAt)) }
        guard let value = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")) else { return .refused("not a number") }
        return checked(value)
    }

    /// A JSON number: finite, not negative, under the ceiling.
    static func read(number: Double, exact: Decimal?) -> Reading {
        guard number.isFinite else { return .refused("not a finite number") }
        if number < 0 { return .refused("a negative price") }
        return checked(exact ?? Decimal(number))
    }

    private static func checked(_ value: Decimal) -> Reading {
        if value.isNaN { return .refused("not a number") }
        if value < 0 { return .refused("a negative price") }
        if value >= ceiling { return .refused("an implausible amount") }
        return value == 0 ? .onRequest : .amount(value)
    }

    /// The text without a leading or trailing currency sign or ISO code (`€1,250`, `1250 EUR`, `CHF 900`).
    private static func strippingCurrency(_ text: Substring) -> Substring {
        var t = text
        let signs: Set<Character> = ["€", "$", "£", "¥", "₣"]
        if let first = t.first, signs.contains(first) { t = t.dropFirst() }
        if let last = t.last, signs.contains(last) { t = t.dropLast() }
        let letters = t.prefix { $0.isLetter }
        if letters.count == 3, letters.allSatisfy({ $0.isUppercase }) { t = t.dropFirst(3) }
        let tail = t.reversed().prefix { $0.isLetter }
        if tail.count == 3, tail.allSatisfy({ $0.isUppercase }) { t = t.dropLast(3) }
        if let first = t.first, signs.contains(first) { t = t.dropFirst() }
        return Substring(t.trimmingCharacters(in: .whitespaces))
    }
}
