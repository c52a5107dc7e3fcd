/// One deterministic fault rule: which requests it hits and what they get instead of the answer.
///
/// Rules count only the requests they match (method and path filter), so
/// `SandboxFault(.status(500), trigger: .firstRequests(2), pathContains: "/animals")` fails exactly the
/// first two animal requests whatever else the client asks for.
package struct SandboxFault: Sendable {
    /// What a matched request gets.
    package enum Kind: Sendable, Equatable {
        /// An error answer with this status (5xx: `{"status": false, "msg": …}` or an OAuth-style body).
        case status(Int)
        /// 429 with `Retry-After: seconds`; later requests to the same service inside the window get 429 again
        /// and are logged as violations.
        case tooManyRequests(retryAfterSeconds: Int)
        /// The head announces the full `Content-Length`, half of the body is sent, then the connection closes.
        case truncatedBody
        /// A complete 200 answer whose body is cut in half: invalid JSON (or broken HTML).
        case invalidJSON
        /// A complete-looking answer: the body cut at the last tag, line or item boundary (`<`, a line
        /// break or `,`) before its half, sent whole with the `Content-Length` of the bytes sent. JSON
        /// no longer parses, a `{"data": "…"}` frame is open, bare HTML ends tidily but without the
        /// rest of the document (a pedigree without its attribution).
        case cutBody
        /// The connection closes before any answer.
        case dropConnection
        /// An extra wait before the normal answer.
        case delay(Duration)
    }

    /// Which of the matching requests fire (counted from 1 among matching requests).
    package enum Trigger: Sendable, Equatable {
        case always
        /// The first `n` matching requests.
        case firstRequests(Int)
        /// These matching request numbers (1-based).
        case requestNumbers(Set<Int>)
        /// Every `n`-th matching request (n, 2n, 3n, …).
        case everyNth(Int)
    }

    package var kind: Kind
    package var trigger: Trigger
    /// Only requests whose path contains this (e.g. `"/public/web/horses"`, `"/animals"`); `nil` matches every API request.
    package var pathContains: String?
    /// Only this method (`"GET"`, `"POST"`); `nil` matches all.
    package var method: String?

    package init(_ kind: Kind, trigger: Trigger = .always, pathContains: String? = nil, method: String? = nil) {
        self.kind = kind; self.trigger = trigger; self.pathContains = pathContains; self.method = method
    }

    func fires(onMatch number: Int) -> Bool {
        switch trigger {
        case .always: true
        case .firstRequests(let n): number <= n
        case .requestNumbers(let set): set.contains(number)
        case .everyNth(let n): n > 0 && number % n == 0
        }
    }

    func matches(method: String, path: String) -> Bool {
        if let m = self.method, m.uppercased() != method.uppercased() { return false }
        if let p = pathContains, !path.contains(p) { return false }
        return true
    }
}
