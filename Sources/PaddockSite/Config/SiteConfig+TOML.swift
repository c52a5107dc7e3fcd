import Foundation
import PaddockMedia
import PaddockCatalogue
import PaddockSources
import TOMLKit

extension SiteConfig {
    /// The config file's usual name.
    package static let fileName = "paddock.toml"

    /// Reads and validates `paddock.toml`; relative folders resolve against the file's folder.
    /// - Throws: ``SiteConfigError`` naming the key (full dotted path) and line.
    package static func load(from file: URL) throws -> SiteConfig {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw SiteConfigError(kind: .unreadable, key: nil, line: nil, file: file.path,
                                  message: "cannot read the config file (\(error.localizedDescription))")
        }
        var config = try SiteConfig(toml: text, root: file.deletingLastPathComponent(), fileName: file.path)
        // A site's own `templates/` folder overrides the bundled theme without being named.
        if config.templatesFolder == nil {
            let own = config.root.appending(path: "templates")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: own.path, isDirectory: &isFolder), isFolder.boolValue { config.templatesFolder = own }
        }
        if let templates = config.templatesFolder {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: templates.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SiteConfigError(
                    kind: .invalidValue, key: "folders.templates",
                    line: TOMLKeyLocator(source: text).line(of: ["folders", "templates"]), file: file.path,
                    message: "the theme folder \(templates.path) does not exist; remove the key to use the bundled theme")
            }
        }
        return config
    }

    /// Parses config text; `root` is the folder relative paths resolve against.
    /// - Parameter fileName: used in error messages only.
    /// - Throws: ``SiteConfigError``.
    package init(toml: String, root: URL, fileName: String = SiteConfig.fileName) throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw SiteConfigError(kind: .syntax, key: nil, line: error.source.begin.line, file: fileName,
                                  message: "not valid TOML: \(error.description)")
        }
        var top = TOMLSection(table: table, path: [], locator: TOMLKeyLocator(source: toml), file: fileName)
        let root = root.standardizedFileURL

        let title = try top.string("title")
        guard let title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw top.error(.missingKey, "title", "the site needs a title, e.g. title = \"Stal Example\"")
        }
        guard let baseURL = try top.string("base_url") else {
            throw top.error(.missingKey, "base_url", "the site needs its public address, e.g. base_url = \"https://stable.example/\"")
        }
        try ConfigValidation.httpURL(baseURL, key: "base_url", in: top)
        let description = try top.string("description")
        let languages = try top.stringArray("languages") ?? ["en"]
        try ConfigValidation.languages(languages, in: top)
        let currency = try top.string("currency") ?? "EUR"
        try ConfigValidation.currency(currency, in: top)
        let horsesPerPage = try top.positiveInt("horses_per_page") ?? 24
        let featured = try top.stringArray("featured_horses") ?? []

        var contact = try top.section("contact")
        let email = try contact?.string("email")
        if let email { try ConfigValidation.email(email, in: contact!) }
        let phone = try contact?.string("phone")
        let whatsApp = try contact?.string("whatsapp").map { try Self.whatsAppNumber($0, in: contact!) }
        try contact?.finish()
        var lifecycleSection = try top.section("lifecycle")
        let lifecycle = try lifecycleSection.map { _ in try Self.lifecycle(&lifecycleSection!) } ?? LifecycleSettings()

        var folders = try top.section("folders")
        func folder(_ key: String) throws -> URL? {
            guard let path = try folders?.string(key) else { return nil }
            guard !path.isEmpty else { throw folders!.error(.invalidValue, key, "must not be empty") }
            return path.hasPrefix("/") ? URL(filePath: path) : root.appending(path: path)
        }
        let templates = try folder("templates"), pages = try folder("pages"), staticFolder = try folder("static")
        let output = try folder("output"), cache = try folder("cache")
        try folders?.finish()
        if let output, output.standardizedFileURL.path == root.path {
            throw folders!.error(.invalidValue, "output", "the output folder must not be the site folder itself")
        }

        var herd = HerdSettings()
        var sources = SourcesConfiguration(languages: languages, cacheFolder: cache ?? root.appending(path: ".paddock/cache"))
        if var http = try top.section("http") {
            sources.maxConcurrentRequests = try http.positiveInt("max_concurrent_requests") ?? sources.maxConcurrentRequests
            sources.maxTries = try http.positiveInt("max_tries") ?? sources.maxTries
            sources.connectTimeout = try http.seconds("connect_timeout") ?? sources.connectTimeout
            sources.readTimeout = try http.seconds("read_timeout") ?? sources.readTimeout
            try http.finish()
        }
        if var section = try top.section("sources") {
            sources.breakerFailures = try section.positiveInt("circuit_breaker_failures") ?? sources.breakerFailures
            sources.serviceTimeLimit = try section.seconds("service_time_limit") ?? sources.serviceTimeLimit
            if var equicty = try section.section("equicty") {
                sources.equicty = try Self.equicty(&equicty)
                try equicty.finish()
            }
            if var husbandry = try section.section("husbandry") {
                sources.husbandry = try Self.husbandry(&husbandry)
                try husbandry.finish()
            }
            if var smaxtec = try section.section("smaxtec") {
                (sources.smaxtec, herd) = try Self.smaxtec(&smaxtec)
                try smaxtec.finish()
            }
            try section.finish()
        }
        let media = try MediaSettings.read(top.section("media"))
        try top.finish()

        self.init(
            root: root, title: title, baseURL: baseURL, description: description, languages: languages,
            contactEmail: email, contactPhone: phone, currency: currency.uppercased(), templatesFolder: templates,
            pagesFolder: pages, staticFolder: staticFolder, outputFolder: output, horsesPerPage: horsesPerPage,
            featuredHorses: featured, sources: sources, media: media, herd: herd)
        self.contactWhatsApp = whatsApp
        self.lifecycle = lifecycle
    }

    private static func equicty(_ section: inout TOMLSection) throws -> EquictySourceConfiguration {
        var config = EquictySourceConfiguration()
        if let url = try section.string("base_url") {
            try ConfigValidation.httpURL(url, key: "base_url", in: section)
            config.baseURL = ConfigValidation.trimmingSlash(url)
        }
        if let gender = try section.string("gender") {
            guard let value = HorseGender(rawValue: gender.uppercased()) else {
                let names = HorseGender.allCases.map(\.rawValue).joined(separator: ", ")
                throw section.error(.invalidValue, "gender", "unknown gender \"\(gender)\"; use one of \(names)")
            }
            config.gender = value
        }
        if var colors = try section.section("horsetelex_colors") {
            config.horsetelexColors.horseTextColor = try ConfigValidation.color(&colors, "horse_text") ?? config.horsetelexColors.horseTextColor
            config.horsetelexColors.mareBackgroundColor = try ConfigValidation.color(&colors, "mare_background") ?? config.horsetelexColors.mareBackgroundColor
            config.horsetelexColors.mareTextColor = try ConfigValidation.color(&colors, "mare_text") ?? config.horsetelexColors.mareTextColor
            try colors.finish()
        }
        return config
    }

    private static func husbandry(_ section: inout TOMLSection) throws -> HusbandrySourceConfiguration {
        var config = HusbandrySourceConfiguration()
        if let version = try section.string("version") {
            guard let value = HusbandrySourceConfiguration.Version(rawValue: version.lowercased()) else {
                throw section.error(.invalidValue, "version", "unknown API version \"\(version)\"; use \"v1\" or \"v2\"")
            }
            config.version = value
        }
        for key in ["base_url", "authorize_url", "token_url"] {
            guard let url = try section.string(key) else { continue }
            try ConfigValidation.httpURL(url, key: key, in: section)
            let trimmed = ConfigValidation.trimmingSlash(url)
            switch key {
            case "base_url": config.baseURL = trimmed
            case "authorize_url": config.authorizeURL = url
            default: config.tokenURL = url
            }
        }
        config.animalTypes = try section.stringArray("animal_types") ?? []
        config.statuses = try section.stringArray("statuses") ?? []
        return config
    }
}
