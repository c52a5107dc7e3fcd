/// Which part of the sandbox a request went to.
package enum SandboxService: String, Sendable, Hashable, CaseIterable {
    case equicty
    case husbandryOAuth
    case husbandryV2
    case husbandryV1
    /// smaXtec `get_token` (the password travels in its query).
    case smaxtecToken
    /// smaXtec organisations, animals and events.
    case smaxtec
    case media
    case other
}
