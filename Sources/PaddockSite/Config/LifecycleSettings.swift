import Foundation

/// `[lifecycle]` of `paddock.toml`: how long an item counts as new, how long a sold item's page
/// stays, whether a "sold" archive page is written, and whether a renamed item keeps its address.
package struct LifecycleSettings: Sendable, Equatable, CustomStringConvertible {
    /// An item first seen this many days ago or less carries the "new" badge.
    package var newDays = 14
    /// A sold or withdrawn item's page stays this many days, marked sold; after that its address
    /// answers with a "no longer available" page. 0 replaces it at once.
    package var soldPageDays = 60
    /// Writes `/{lang}/sold/`, the sold items whose pages still stand, as references.
    package var soldArchive = false
    /// A renamed item keeps the address it was first published under (the default); `false`
    /// moves it to the slug of its new name, and its old address redirects there.
    package var keepFirstURL = true
    /// Writes `301!` in `_redirects`: Netlify then redirects even where a file exists (the static
    /// redirect page always does). Cloudflare Pages always redirects and does not accept the `!`.
    package var forceRedirects = false

    package init(newDays: Int = 14, soldPageDays: Int = 60, soldArchive: Bool = false, keepFirstURL: Bool = true,
                 forceRedirects: Bool = false) {
        self.newDays = newDays; self.soldPageDays = soldPageDays; self.soldArchive = soldArchive; self.keepFirstURL = keepFirstURL
        self.forceRedirects = forceRedirects
    }

    package var description: String { "lifecycle(\(newDays),\(soldPageDays),\(soldArchive),\(keepFirstURL),\(forceRedirects))" }
}

extension SiteConfig {
    /// Reads `[lifecycle]`; every error names its key.
    static func lifecycle(_ section: inout TOMLSection) throws -> LifecycleSettings {
        var settings = LifecycleSettings()
        settings.newDays = try days(&section, "new_days") ?? settings.newDays
        settings.soldPageDays = try days(&section, "sold_page_days") ?? settings.soldPageDays
        settings.soldArchive = try section.bool("sold_archive") ?? settings.soldArchive
        settings.keepFirstURL = try section.bool("keep_first_url") ?? settings.keepFirstURL
        settings.forceRedirects = try section.bool("force_redirects") ?? settings.forceRedirects
        try section.finish()
        return settings
    }

    /// A whole number of days, 0 to 3650.
    private static func days(_ section: inout TOMLSection, _ key: String) throws -> Int? {
        guard let days = try section.int(key) else { return nil }
        guard (0...3650).contains(days) else {
            throw section.error(.invalidValue, key, "must be a whole number of days from 0 to 3650, found \(days)")
        }
        return days
    }

    /// A WhatsApp number as wa.me wants it: digits only, with the country code (`+31 6 1234 5678` → `31612345678`).
    static func whatsAppNumber(_ text: String, in section: TOMLSection) throws -> String {
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || " +-().".contains($0)) }
        guard allowed, (8...15).contains(digits.count), !text.trimmingCharacters(in: .whitespaces).hasPrefix("0") else {
            throw section.error(.invalidValue, "whatsapp",
                "must be a phone number in international form with its country code, such as \"+31 6 1234 5678\", found \"\(text)\"")
        }
        return digits
    }
}
