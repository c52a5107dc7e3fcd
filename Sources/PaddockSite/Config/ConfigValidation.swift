import Foundation

/// Value checks of `paddock.toml`, each throwing a ``SiteConfigError`` that names the key.
enum ConfigValidation {
    static let supportedLanguages = ["en", "fr", "de", "nl"]

    static func httpURL(_ text: String, key: String, in section: TOMLSection) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            throw section.error(.invalidValue, key, "must be an http or https address such as \"https://stable.example/\", found \"\(text)\"")
        }
        if url.user != nil || url.password != nil {
            throw section.error(.secretInConfig, key,
                "must not carry a user name or password; secrets belong in the environment or the credentials file")
        }
    }

    static func languages(_ languages: [String], in section: TOMLSection) throws {
        guard !languages.isEmpty else {
            throw section.error(.invalidValue, "languages", "list at least one language, e.g. [\"en\"]")
        }
        var seen = Set<String>()
        for code in languages {
            guard supportedLanguages.contains(code) else {
                throw section.error(.invalidValue, "languages",
                    "unsupported language \"\(code)\"; use lower-case codes among \(supportedLanguages.joined(separator: ", "))")
            }
            guard seen.insert(code).inserted else {
                throw section.error(.invalidValue, "languages", "\"\(code)\" is listed twice")
            }
        }
    }

    static func currency(_ code: String, in section: TOMLSection) throws {
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw section.error(.invalidValue, "currency", "must be a three-letter ISO 4217 code such as \"EUR\", found \"\(code)\"")
        }
    }

    static func email(_ address: String, in section: TOMLSection) throws {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else {
            throw section.error(.invalidValue, "email", "is not an email address: \"\(address)\"")
        }
    }

    /// A colour as six hex digits, with or without `#`; returns it without `#`.
    static func color(_ section: inout TOMLSection, _ key: String) throws -> String? {
        guard var text = try section.string(key) else { return nil }
        if text.hasPrefix("#") { text.removeFirst() }
        guard text.count == 6, text.allSatisfy(\.isHexDigit) else {
            throw section.error(.invalidValue, key, "must be a colour as six hex digits such as \"00AFA8\", found \"\(text)\"")
        }
        return text
    }

    static func trimmingSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
