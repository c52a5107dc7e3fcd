import Foundation

/// How `sale_price` is written on the wire under `--strict-docs`: every form a breeder's text field
/// or a JSON number allows, and a few that no client may read as a number.
enum DemoPriceForm: CaseIterable, Sendable {
    case number, plain, decimals, commaGrouped, dotGrouped, spaceGrouped, euroSign
    case zero, empty, null
    case notANumber, negative, overflow

    /// The wire value of `amount` in this form.
    func wire(_ amount: Double) -> WireJSON {
        let whole = Int(amount)
        let cents = Int((amount * 100).rounded()) % 100
        let hasCents = cents != 0
        func grouped(_ separator: String) -> String {
            var digits = Array(String(whole))
            var out = ""
            while digits.count > 3 {
                out = separator + String(digits.suffix(3)) + out
                digits.removeLast(3)
            }
            return String(digits) + out
        }
        let centsText = String(format: "%02d", cents)
        switch self {
        case .number: return .double(amount)
        case .plain: return .string(hasCents ? "\(whole).\(centsText)" : String(whole))
        case .decimals: return .string("\(whole).\(centsText)")
        case .commaGrouped: return .string("\(grouped(",")).\(centsText)")
        case .dotGrouped: return .string("\(grouped(".")),\(centsText)")
        case .spaceGrouped: return .string(grouped(" ") + (hasCents ? ",\(centsText)" : ""))
        case .euroSign: return .string("€" + grouped(",") + (hasCents ? ".\(centsText)" : ""))
        case .zero: return .string("0.00")
        case .empty: return .string("")
        case .null: return .null
        case .notANumber: return .string("NaN")
        case .negative: return .int(-1)
        case .overflow: return .string("1e309")
        }
    }

    /// True when a correct site shows the amount; false when it shows "price on request".
    var showsAmount: Bool {
        switch self {
        case .number, .plain, .decimals, .commaGrouped, .dotGrouped, .spaceGrouped, .euroSign: true
        case .zero, .empty, .null, .notANumber, .negative, .overflow: false
        }
    }
}
