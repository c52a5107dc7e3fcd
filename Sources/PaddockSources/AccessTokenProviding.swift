/// Supplies OAuth access tokens to a client and learns when one was refused.
package protocol AccessTokenProviding: Sendable {
    /// A token that is believed valid now, refreshing it first when it has expired.
    func accessToken() async throws -> String
    /// Called after a 401 answer to a request made with `token`: the next ``accessToken()`` refreshes.
    func invalidate(_ token: String) async
}
