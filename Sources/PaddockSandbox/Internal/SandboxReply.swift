import Foundation

/// A route's answer before faults are applied: status, headers and the whole body.
struct SandboxReply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    static func json(_ value: WireJSON, status: Int = 200, headers: [(String, String)] = []) -> SandboxReply {
        SandboxReply(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
                     body: Array(value.serialized().utf8))
    }

    /// A JSON body already serialised.
    static func raw(_ body: [UInt8], status: Int = 200) -> SandboxReply {
        SandboxReply(status: status, headers: [("Content-Type", "application/json")], body: body)
    }

    static func html(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> SandboxReply {
        SandboxReply(status: status, headers: [("Content-Type", "text/html; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    static func redirect(to location: String) -> SandboxReply {
        SandboxReply(status: 302, headers: [("Location", location), ("Cache-Control", "no-store")], body: [])
    }
}
