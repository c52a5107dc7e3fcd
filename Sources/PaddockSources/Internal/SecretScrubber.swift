/// Replaces secret values by `***` in text that came from elsewhere (server messages, library errors).
struct SecretScrubber: Sendable {
    private let secrets: [String]

    init(secrets: [String]) {
        // Longest first, so that a secret containing another is scrubbed whole; very short values are
        // not secrets worth scrubbing and would mangle ordinary text.
        self.secrets = Set(secrets.filter { $0.count >= 4 }).sorted { $0.count > $1.count }
    }

    func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }
}
