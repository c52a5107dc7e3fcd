import Foundation

/// The theme's UI strings, one flat table per language (`templates/i18n/en.json`).
///
/// A key missing from a language falls back to English, then to the key itself, so a half-done
/// translation never leaves a hole in the page.
package struct Translations: Sendable, Equatable {
    /// Strings by language, then key.
    package private(set) var tables: [String: [String: String]]

    package init(tables: [String: [String: String]]) { self.tables = tables }

    /// The string for `key` in `language`, falling back to English, then to the key.
    package func string(_ key: String, language: String) -> String {
        tables[language]?[key] ?? tables["en"]?[key] ?? key
    }

    /// The string for `key` with `{name}` placeholders replaced.
    package func string(_ key: String, language: String, _ values: [String: String]) -> String {
        Self.fill(string(key, language: language), values)
    }

    /// Replaces each `{name}` of `template` with `values[name]`; unknown placeholders stay as written.
    /// The values are not scanned again, so a value containing `{n}` stays as it is.
    package static func fill(_ template: String, _ values: [String: String]) -> String {
        fill(template) { values[$0] }
    }

    /// ``fill(_:_:)-(String,[String:String])`` with a few values looked up in order (no dictionary
    /// to build for the one or two placeholders of a UI string).
    static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        fill(template) { name in values.first { $0.key == name }?.value }
    }

    private static func fill(_ template: String, value: (String) -> String?) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        // On the UTF-8 bytes: `{` and `}` are ASCII, never part of a longer character's bytes.
        var source = template
        return source.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "{") else { out.append(bytes[index]); index += 1; continue }
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                    out += bytes[index...]
                    break
                }
                if let value = value(String(decoding: bytes[(index + 1)..<close], as: UTF8.self)) {
                    out += value.utf8
                } else {
                    out += bytes[index...close]
                }
                index = close + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// These strings over `base`: a key missing here comes from `base`.
    package func overlaid(on base: Translations) -> Translations {
        var tables = base.tables
        for (language, table) in self.tables {
            tables[language, default: [:]].merge(table) { _, mine in mine }
        }
        return Translations(tables: tables)
    }

    /// Every key of English and of `language`, merged, with the fallback applied.
    package func table(language: String) -> [String: String] {
        var merged = tables["en"] ?? [:]
        for (key, value) in tables[language] ?? [:] { merged[key] = value }
        return merged
    }
}

extension Translations {
    /// Reads every `*.json` of `folder` (a flat object of strings); the file name is the language.
    /// A missing folder gives no strings.
    package static func load(folder: URL) throws -> Translations {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return Translations(tables: [:]) }
        var tables: [String: [String: String]] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = folder.appending(path: name)
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw SiteRenderError.themeUnreadable(path: file.path, reason: "\(error)")
            }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SiteRenderError.themeUnreadable(path: file.path, reason: "not a JSON object of strings")
            }
            var table: [String: String] = [:]
            for (key, value) in object {
                guard let text = value as? String else {
                    throw SiteRenderError.themeUnreadable(path: file.path, reason: "key \"\(key)\" is not a string")
                }
                table[key] = text
            }
            tables[String(name.dropLast(5))] = table
        }
        return Translations(tables: tables)
    }
}
