/// Which part of the sandbox a request went to.
package enum SandboxService: String, Sendable, Hashable, CaseIterable {
    case equicty
    case husbandryOAuth
    case husbandryV2
    case husbandryV1
    case media
    case other
}
