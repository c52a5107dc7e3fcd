import Foundation

/// Receives the sign-in redirect once: checks `state`, reads `code` or `error`, and hands the
/// outcome to the waiting login. Every later redirect is refused (the state is single-use).
actor LoginCallbackMailbox {
    enum Outcome: Sendable {
        case code(String)
        case failed(LoginError)
    }

    private let expectedState: String
    private var used = false
    private let continuation: AsyncStream<Outcome>.Continuation
    nonisolated let outcomes: AsyncStream<Outcome>

    init(expectedState: String) {
        self.expectedState = expectedState
        (outcomes, continuation) = AsyncStream<Outcome>.makeStream()
    }

    /// Judges one redirect's query; returns the HTTP status and the text the browser shows.
    func receive(_ query: [String: String]) -> (status: Int, title: String, message: String) {
        guard !used else {
            return (410, "Link already used", "This sign-in link was already used. Start `paddock login husbandry` again.")
        }
        used = true
        let stateMatches = query["state"].map { LoginState.equal($0, expectedState) } ?? false
        if let error = query["error"], !error.isEmpty {
            let failure = LoginError.authorizationDenied(error: error, description: query["error_description"])
            finish(.failed(failure))
            return (200, "Access not granted", failure.description)
        }
        guard stateMatches else {
            let failure = LoginError.stateMismatch(missing: query["state"]?.isEmpty ?? true)
            finish(.failed(failure))
            return (400, "Sign-in refused", failure.description)
        }
        guard let code = query["code"], !code.isEmpty else {
            finish(.failed(.missingCode))
            return (400, "Sign-in failed", LoginError.missingCode.description)
        }
        finish(.code(code))
        return (200, "Signed in", "Paddock received the authorization. You can close this tab and return to the terminal.")
    }

    private func finish(_ outcome: Outcome) {
        continuation.yield(outcome)
        continuation.finish()
    }
}
