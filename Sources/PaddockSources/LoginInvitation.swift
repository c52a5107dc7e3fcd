import Foundation

/// What the user must open, and where Husbandry will send the browser back.
public struct LoginInvitation: Sendable {
    public var authorizeURL: String
    public var redirectURI: String
}
