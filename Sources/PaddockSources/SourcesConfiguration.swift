import Foundation

/// What the clients need to know about the remote services: where they are, what to ask for and
/// how hard to try. The site's `paddock.toml` fills it (PaddockSite); tests point it at loopback.
package struct SourcesConfiguration: Sendable, Equatable {
    /// The Equicty source, or `nil` when the site lists no Equicty horses.
    package var equicty: EquictySourceConfiguration?
    /// The Husbandry Pro source, or `nil` when the site lists no animals for sale.
    package var husbandry: HusbandrySourceConfiguration?
    /// The smaXtec source, or `nil` when the site shows no herd.
    package var smaxtec: SmaxtecSourceConfiguration?
    /// Languages to fetch, lower case (`en`, `fr`, `de`, `nl`); the catalogue is fetched once per language.
    package var languages: [String]
    /// Requests in flight at once, per run (default 8).
    package var maxConcurrentRequests: Int
    /// Tries per request, the first included (default 3).
    package var maxTries: Int
    package var connectTimeout: Duration
    package var readTimeout: Duration
    /// Where fetched responses are kept (default `.paddock/cache` beside the config).
    package var cacheFolder: URL
    /// The backoff before the second try of a failed request; each further try doubles it (jittered).
    package var retryBaseDelay: Duration
    /// Connection failures in a row (refused, connect timeout, closed before an answer) after which a service is down for the rest of the run: nothing more is sent to it,
    /// and what was not fetched stands in with its cached copy (default 5).
    package var breakerFailures: Int
    /// How long each service may take in one run, from its first request; past it the service is
    /// down as above (default 15 minutes).
    package var serviceTimeLimit: Duration
    /// Mirroring of the catalogue's pictures into the cache; `nil`: pictures are not mirrored.
    package var media: MediaMirrorConfiguration? = nil

    package init(
        equicty: EquictySourceConfiguration? = nil, husbandry: HusbandrySourceConfiguration? = nil,
        languages: [String] = ["en"], maxConcurrentRequests: Int = 8, maxTries: Int = 3,
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(30),
        cacheFolder: URL, retryBaseDelay: Duration = .milliseconds(250),
        breakerFailures: Int = 5, serviceTimeLimit: Duration = .seconds(900)
    ) {
        self.equicty = equicty; self.husbandry = husbandry; self.languages = languages
        self.maxConcurrentRequests = maxConcurrentRequests; self.maxTries = maxTries
        self.connectTimeout = connectTimeout; self.readTimeout = readTimeout; self.cacheFolder = cacheFolder
        self.retryBaseDelay = retryBaseDelay; self.breakerFailures = breakerFailures; self.serviceTimeLimit = serviceTimeLimit
    }
}

/// The Equicty website API of one stable.
package struct EquictySourceConfiguration: Sendable, Equatable {
    package static let defaultBaseURL = "https://portal.equicty.com/equicty/api"
    /// Base URL without trailing slash; paths such as `/public/web/horses` are appended.
    package var baseURL: String
    /// Optional gender filter for the list (`STALLION`, `MARE`, …); `nil` lists all.
    package var gender: HorseGender?
    /// Colours sent to the HorseTelex pedigree endpoint (hex without `#`).
    package var horsetelexColors: HorseTelexColors

    package init(baseURL: String = EquictySourceConfiguration.defaultBaseURL, gender: HorseGender? = nil,
                horsetelexColors: HorseTelexColors = HorseTelexColors()) {
        self.baseURL = baseURL; self.gender = gender; self.horsetelexColors = horsetelexColors
    }
}

/// `horse_textcolor`, `mare_bgcolor`, `mare_textcolor` of the HorseTelex pedigree HTML.
package struct HorseTelexColors: Sendable, Equatable, Hashable, Codable {
    package var horseTextColor: String
    package var mareBackgroundColor: String
    package var mareTextColor: String

    package init(horseTextColor: String = "00AFA8", mareBackgroundColor: String = "efefef", mareTextColor: String = "000000") {
        self.horseTextColor = horseTextColor; self.mareBackgroundColor = mareBackgroundColor; self.mareTextColor = mareTextColor
    }
}

/// The Husbandry Pro API of one breeder (v2, OAuth) or several (v1, user keys).
package struct HusbandrySourceConfiguration: Sendable, Equatable {
    package enum Version: String, Sendable, Equatable { case v1, v2 }
    package static let defaultBaseURL = "https://husbandry.pro/api"
    package var version: Version
    /// Base URL of the API without trailing slash (endpoints such as `/animals` are appended).
    package var baseURL: String
    /// OAuth endpoints (v2); `nil` derives them from `baseURL` as the documents describe.
    package var authorizeURL: String?
    package var tokenURL: String?
    /// Optional `animal_type` filter (ids).
    package var animalTypes: [String]
    /// Optional `status` filter.
    package var statuses: [String]
    /// Animals asked for per page (`limit`; the documented default and maximum is 100).
    package var pageSize: Int

    package init(version: Version = .v2, baseURL: String = HusbandrySourceConfiguration.defaultBaseURL,
                authorizeURL: String? = nil, tokenURL: String? = nil, animalTypes: [String] = [], statuses: [String] = [],
                pageSize: Int = 100) {
        self.version = version; self.baseURL = baseURL; self.authorizeURL = authorizeURL; self.tokenURL = tokenURL
        self.animalTypes = animalTypes; self.statuses = statuses; self.pageSize = max(1, pageSize)
    }
}

/// The smaXtec Integration API of one farm: the organisations whose herd the site shows.
package struct SmaxtecSourceConfiguration: Sendable, Equatable {
    package static let defaultBaseURL = "https://api.smaxtec.com/api"
    /// Base URL without trailing slash; `/v1/user/get_token`, `/v1/organisation`, `/v2/integration/…` are appended.
    package var baseURL: String
    /// Organisations by `organisation_id`, or by name when the name is unique among the user's;
    /// empty takes every organisation of the user.
    package var organisations: [String]

    package init(baseURL: String = SmaxtecSourceConfiguration.defaultBaseURL, organisations: [String] = []) {
        self.baseURL = baseURL; self.organisations = organisations
    }
}
