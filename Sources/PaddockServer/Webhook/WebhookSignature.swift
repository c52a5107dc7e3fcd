import Crypto
import Foundation

/// Checks the HMAC-SHA256 signature of a webhook body: `sha256=<64 hex digits>` over the raw
/// body with the shared secret, compared in constant time.
///
/// The same scheme as GitHub's `X-Hub-Signature-256`:
/// ```swift
/// let verifier = WebhookSignature(secret: "It's a Secret to Everybody")
/// try verifier.verify(header: "sha256=757107ea…3e17", body: Array("Hello, World!".utf8))
/// ```
package struct WebhookSignature: Sendable {
    private let key: SymmetricKey

    /// - Parameter secret: The shared secret; it is never part of any description or error.
    package init(secret: String) {
        self.key = SymmetricKey(data: Array(secret.utf8))
    }

    /// Throws unless `header` is a valid signature of `body`.
    /// - Throws: ``WebhookSignatureError`` saying what was wrong with the header (never the expected value).
    package func verify(header: String?, body: some DataProtocol) throws {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            throw WebhookSignatureError.missing
        }
        guard let equals = header.firstIndex(of: "=") else { throw WebhookSignatureError.malformed }
        let algorithm = header[..<equals].lowercased()
        guard algorithm == "sha256" else { throw WebhookSignatureError.unsupportedAlgorithm(String(algorithm.prefix(16))) }
        let hex = header[header.index(after: equals)...]
        guard hex.utf8.count == SHA256.byteCount * 2, let mac = Self.bytes(hex: hex) else {
            throw WebhookSignatureError.malformed
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: key) else {
            throw WebhookSignatureError.mismatch
        }
    }

    /// The header value for `body`: `sha256=<hex>` (used by clients, tests and the benchmark).
    package func sign(_ body: some DataProtocol) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: key)
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for c in hex.utf8 {
            let value: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { bytes.append(h << 4 | value); high = nil } else { high = value }
        }
        return high == nil ? bytes : nil
    }
}

/// Why a webhook signature was refused. The messages never contain the secret or the expected signature.
package enum WebhookSignatureError: Error, Equatable, CustomStringConvertible {
    case missing
    case unsupportedAlgorithm(String)
    case malformed
    case mismatch

    package var description: String {
        switch self {
        case .missing: "missing signature: send X-Paddock-Signature (or X-Hub-Signature-256): sha256=<hex HMAC of the body>"
        case .unsupportedAlgorithm(let name): "unsupported signature algorithm '\(name)': only sha256 is accepted"
        case .malformed: "malformed signature: expected sha256= followed by 64 hexadecimal digits"
        case .mismatch: "signature does not match the body"
        }
    }
}
