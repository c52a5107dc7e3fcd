import Foundation

/// What the user must open, and where Husbandry will send the browser back.
package struct LoginInvitation: Sendable {
    /// The authorize URL with `response_type=code`, `client_id`, `redirect_uri`, `scope` and a fresh `state`.
    package var authorizeURL: String
    /// The loopback callback the listener waits on.
    package var redirectURI: String
}
