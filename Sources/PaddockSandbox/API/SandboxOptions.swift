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
public struct SandboxOptions: Sendable {
    /// Loopback address to bind.
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one (read it back from ``SandboxServer/port``).
    public var port: Int = 0

    // MARK: Credentials
    /// The Equicty website API key accepted as `Authorization: Bearer …` (or as Basic user name).
    public var equictyAPIKey: String = "sandbox-equicty-api-key"
    /// The Husbandry v2 OAuth client.
    public var husbandryClientID: String = "sandbox-client-id"
    /// Checked only when the token request sends a `client_secret`.
    public var husbandryClientSecret: String = "sandbox-client-secret"
    /// Life of a v2 access token (documented: 1 hour).
    public var accessTokenLifetime: Duration = .seconds(3600)
    /// When set, `authorize` redirects with `error=access_denied&error_description=…` instead of a code.
    public var denyAuthorization: Bool = false
    /// Refuse `redirect_uri`s that are not `https://`, as the Husbandry document says the real server does.
    /// Off by default: loopback `http://127.0.0.1:PORT/callback` redirects are what a CLI login uses (RFC 8252).
    public var requireHTTPSRedirectURI: Bool = false
    /// Husbandry v2 account whose animals the OAuth user sees: an index into the demo breeders.
    public var husbandryV2Breeder: Int = 0

    // MARK: Data
    /// Add the hostile items (markup in names, `{{`, RTL text, `javascript:` URLs, hostile HorseTelex HTML).
    public var includeHostile: Bool = false
    /// The date ages are computed against; `nil` is today (UTC).
    public var today: CalendarDate? = nil
    /// Serve this many horses instead of the 30 demo ones (the demo horses repeated with new ids,
    /// `100001…`, a third on HorseTelex), for benchmarks; `nil` serves the demo set.
    public var horseCount: Int? = nil
    /// Serve this many animals (half for sale) instead of the 44 demo ones; `nil` serves the demo set.
    public var animalCount: Int? = nil
    /// Which documented variants are served (see docs/sandbox.md).
    public var variants: SandboxVariants = .mixed

    // MARK: Faults
    /// Wait this long before answering every API request (media too).
    public var latency: Duration = .zero
    /// Deterministic fault rules, checked in order; the first that fires decides.
    public var faults: [SandboxFault] = []
    /// A per-service rate limit answered with 429 and `Retry-After`; `nil` is none.
    public var rateLimit: SandboxRateLimit? = nil
    /// Fraction (0…1) of API requests answered with ``randomFailureStatus``, drawn from a seeded generator.
    public var randomFailureRate: Double = 0
    public var randomFailureStatus: Int = 503
    public var seed: UInt64 = 1
    /// A request that arrives inside a Retry-After window less than this after its 429 was sent is
    /// not marked ``SandboxRequest/violatedRetryAfter``. Zero by default: every arrival inside a
    /// window counts. A client with several requests in flight can have some arrive just after the
    /// 429 legitimately; ``SandboxRequestLog/retryAfterWindows`` gives what a test needs to tell them apart.
    public var retryAfterGrace: Duration = .zero
    /// Send `Retry-After` as an HTTP date (`Tue, 01 Dec 2026 20:15:02 GMT`) instead of seconds; both are RFC 9110.
    /// The date is rounded up to its second, and the window runs until the date sent.
    public var retryAfterAsHTTPDate: Bool = false

    public init() {}
}
