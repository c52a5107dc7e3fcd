import PaddockSources

extension SiteConfig {
    /// `[sources.smaxtec]`: where the API is, which organisations, and what the site shows.
    /// The user's email and password are never read here: a key for them is an error naming it.
    static func smaxtec(_ section: inout TOMLSection) throws -> (SmaxtecSourceConfiguration, HerdSettings) {
        for key in ["email", "user", "username", "password", "smaxtec_email", "smaxtec_password"] where section.table[key] != nil {
            throw section.error(.secretInConfig, key,
                "the smaXtec email and password belong in PADDOCK_SMAXTEC_EMAIL and PADDOCK_SMAXTEC_PASSWORD or the credentials file (smaxtec_email, smaxtec_password), never in paddock.toml; remove this key")
        }
        var source = SmaxtecSourceConfiguration()
        if let url = try section.string("base_url") {
            try ConfigValidation.httpURL(url, key: "base_url", in: section)
            source.baseURL = ConfigValidation.trimmingSlash(url)
        }
        source.organisations = try section.stringArray("organisations") ?? []
        for (index, entry) in source.organisations.enumerated() where entry.trimmingCharacters(in: .whitespaces).isEmpty {
            throw section.error(.invalidValue, "organisations", "item \(index + 1) is empty; give an organisation id or name")
        }
        var settings = HerdSettings()
        settings.hideEarTag = try section.bool("hide_ear_tag") ?? settings.hideEarTag
        settings.publishReproduction = try section.bool("publish_reproduction") ?? settings.publishReproduction
        if let tags = try section.stringArray("for_sale_tags") {
            settings.saleTags = tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return (source, settings)
    }
}
