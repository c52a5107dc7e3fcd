import Foundation

/// Readers that accept the type drift the API documents show (numbers as strings, "" for absent,
/// "0"/"1" for booleans) and never throw: a value of an unexpected shape reads as `nil`.
extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// The first of `keys` that holds a non-empty string, number or boolean, as a trimmed string.
    func lenientString(_ keys: String...) -> String? {
        for name in keys {
            let key = AnyCodingKey(name)
            guard contains(key), (try? decodeNil(forKey: key)) != true else { continue }
            if let s = try? decode(String.self, forKey: key) {
                let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { return trimmed }
            } else if let i = try? decode(Int.self, forKey: key) {
                return String(i)
            } else if let d = try? decode(Double.self, forKey: key) {
                return String(d)
            } else if let b = try? decode(Bool.self, forKey: key) {
                return String(b)
            }
        }
        return nil
    }

    /// An integer sent as a number or a string ("5", "5.0").
    func lenientInt(_ keys: String...) -> Int? {
        for name in keys {
            let key = AnyCodingKey(name)
            if let i = try? decode(Int.self, forKey: key) { return i }
            if let d = try? decode(Double.self, forKey: key), d.isFinite, d.rounded() == d { return Int(d) }
            if let s = try? decode(String.self, forKey: key) {
                let t = s.trimmingCharacters(in: .whitespaces)
                if let i = Int(t) { return i }
                if let d = Double(t), d.isFinite, d.rounded() == d { return Int(d) }
            }
        }
        return nil
    }

    /// A decimal number sent as a number or a string ("172", "172.5", "2,20").
    func lenientDouble(_ keys: String...) -> Double? {
        for name in keys {
            let key = AnyCodingKey(name)
            if let d = try? decode(Double.self, forKey: key), d.isFinite { return d }
            if let s = try? decode(String.self, forKey: key) {
                let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
                if let d = Double(t), d.isFinite { return d }
            }
        }
        return nil
    }

    /// A price sent as a number or as text in any usual form (see ``PriceText``); `nil` when none
    /// of `keys` is present, `.onRequest` for null, "" and zero, `.refused` for what cannot be read.
    func lenientPrice(_ keys: String...) -> PriceText.Reading? {
        for name in keys {
            let key = AnyCodingKey(name)
            guard contains(key) else { continue }
            if (try? decodeNil(forKey: key)) == true { return .onRequest }
            if let s = try? decode(String.self, forKey: key) { return PriceText.read(s) }
            if let d = try? decode(Double.self, forKey: key) {
                return PriceText.read(number: d, exact: try? decode(Decimal.self, forKey: key))
            }
            return .refused("not a number")
        }
        return nil
    }

    /// A boolean sent as `true`, `1`, `"1"`, `"true"` or `"yes"`; `nil` when absent or unreadable.
    func lenientBool(_ keys: String...) -> Bool? {
        for name in keys {
            let key = AnyCodingKey(name)
            if let b = try? decode(Bool.self, forKey: key) { return b }
            if let i = try? decode(Int.self, forKey: key) { return i != 0 }
            if let s = try? decode(String.self, forKey: key) {
                switch s.trimmingCharacters(in: .whitespaces).lowercased() {
                case "1", "true", "yes", "y": return true
                case "0", "false", "no", "n", "": return false
                default: continue
                }
            }
        }
        return nil
    }

    /// A list of strings sent as an array (of strings or numbers), a comma-separated string, "" or null.
    func lenientStrings(_ keys: String...) -> [String] {
        for name in keys {
            let key = AnyCodingKey(name)
            if let list = try? decode([LenientScalar].self, forKey: key) {
                return list.compactMap(\.text)
            }
            if let s = try? decode(String.self, forKey: key) {
                return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        return []
    }

    /// A nested object, or `nil` when the key is absent, null, "" or not an object.
    func lenientObject(_ name: String) -> KeyedDecodingContainer<AnyCodingKey>? {
        try? nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(name))
    }

    /// Elements of an array of objects that decode as `T`; elements that do not are dropped.
    func lenientArray<T: Decodable>(_ type: T.Type, _ name: String) -> [T] {
        guard let list = try? decode([Lenient<T>].self, forKey: AnyCodingKey(name)) else { return [] }
        return list.compactMap(\.value)
    }
}
