import PaddockCatalogue

/// How one sandbox instance behaves: credentials it accepts, the data set, the wire variants and
/// the faults it injects. Every instance has its own options; nothing is global.
///
/// ```swift
/// var options = SandboxOptions()
/// options.latency = .milliseconds(50)
/// options.faults = [SandboxFault(.status(503), trigger: .firstRequests(2), pathContains: "/horses/1208")]
/// let sandbox = try await SandboxServer.start(options: options)
/// ```
package struct SandboxOptions: Sendable {
    /// Loopback address to bind.
    package var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one (read it back from ``SandboxServer/port``).
    package var port: Int = 0

    // MARK: Credentials
    /// The Equicty website API key accepted as `Authorization: Bearer …` (or as Basic user name).
    package var equictyAPIKey: String = "sandbox-equicty-api-key"
    /// The Husbandry v2 OAuth client.
    package var husbandryClientID: String = "sandbox-client-id"
    /// Checked only when the token request sends a `client_secret`.
    package var husbandryClientSecret: String = "sandbox-client-secret"
    /// Life of a v2 access token (documented: 1 hour).
    package var accessTokenLifetime: Duration = .seconds(3600)
    /// When set, `authorize` redirects with `error=access_denied&error_description=…` instead of a code.
    package var denyAuthorization: Bool = false
    /// Refuse `redirect_uri`s that are not `https://`, as the Husbandry document says the real server does.
    /// Off by default: loopback `http://127.0.0.1:PORT/callback` redirects are what a CLI login uses (RFC 8252).
    package var requireHTTPSRedirectURI: Bool = false
    /// Husbandry v2 account whose animals the OAuth user sees: an index into the demo breeders.
    package var husbandryV2Breeder: Int = 0

    /// The smaXtec user: `get_token` answers only this email and password.
    package var smaxtecEmail: String = "farmer@sandbox.invalid"
    package var smaxtecPassword: String = "sandbox-smaxtec-password"
    /// Life of a smaXtec token (the document does not say; an hour here). `.zero` refuses every token at once.
    package var smaxtecTokenLifetime: Duration = .seconds(3600)
    /// Refuse a smaXtec token once this many authorised requests (anyone's) came in since it was
    /// issued: a token that runs out in the middle of a fetch, deterministically; `nil` never.
    package var smaxtecRequestsPerToken: Int? = nil

    // MARK: Data
    /// Add the hostile items (markup in names, `{{`, RTL text, `javascript:` URLs, hostile HorseTelex HTML).
    package var includeHostile: Bool = false
    /// The date ages are computed against; `nil` is today (UTC).
    package var today: CalendarDate? = nil
    /// Serve this many horses instead of the 30 demo ones (the demo horses repeated with new ids,
    /// `100001…`, a third on HorseTelex), for benchmarks; `nil` serves the demo set.
    package var horseCount: Int? = nil
    /// Serve this many animals (half for sale) instead of the 44 demo ones; `nil` serves the demo set.
    package var animalCount: Int? = nil
    /// Serve this many smaXtec animals instead of the 40 demo ones (repeated with new ear tags); `nil` serves the demo herd.
    package var herdCount: Int? = nil
    /// Serve the demo pictures (horse pictures and profiles, animal photos; not the miniatures) as
    /// camera-sized photographs, `/media/photographs/<path>.jpg`: each demo picture enlarged to
    /// 4032 × 3024 with grain, about 4 MB, as a phone takes them (`scripts/page-speed`).
    package var photographs: Bool = false
    /// Which documented variants are served (see docs/sandbox.md).
    package var variants: SandboxVariants = .mixed

    // MARK: Faults
    /// Wait this long before answering every API request (media too).
    package var latency: Duration = .zero
    /// Deterministic fault rules, checked in order; the first that fires decides.
    package var faults: [SandboxFault] = []
    /// A per-service rate limit answered with 429 and `Retry-After`; `nil` is none.
    package var rateLimit: SandboxRateLimit? = nil
    /// Fraction (0…1) of API requests answered with ``randomFailureStatus``, drawn from a seeded generator.
    package var randomFailureRate: Double = 0
    package var randomFailureStatus: Int = 503
    package var seed: UInt64 = 1
    /// A request that arrives inside a Retry-After window less than this after its 429 was sent is
    /// not marked ``SandboxRequest/violatedRetryAfter``. Zero by default: every arrival inside a
    /// window counts. A client with several requests in flight can have some arrive just after the
    /// 429 legitimately; ``SandboxRequestLog/retryAfterWindows`` gives what a test needs to tell them apart.
    package var retryAfterGrace: Duration = .zero
    /// Send `Retry-After` as an HTTP date (`Tue, 01 Dec 2026 20:15:02 GMT`) instead of seconds; both are RFC 9110.
    /// The date is rounded up to its second, and the window runs until the date sent.
    package var retryAfterAsHTTPDate: Bool = false

    package init() {}
}
