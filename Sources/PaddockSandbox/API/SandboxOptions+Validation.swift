extension SandboxOptions {
    /// Throws ``SandboxError/invalidOption(name:reason:)`` for values that make no sense.
    package func validate() throws {
        if !(host.hasPrefix("127.") || host == "::1" || host == "localhost") {
            throw SandboxError.invalidOption(name: "host", reason: "\(host) is not a loopback address; the sandbox serves demo credentials and stays on loopback")
        }
        if !(0...65535).contains(port) { throw SandboxError.invalidOption(name: "port", reason: "\(port) is not a port") }
        if latency < .zero { throw SandboxError.invalidOption(name: "latency", reason: "must not be negative") }
        if !(0...1).contains(randomFailureRate) {
            throw SandboxError.invalidOption(name: "randomFailureRate", reason: "\(randomFailureRate) is not between 0 and 1")
        }
        if !(500...599).contains(randomFailureStatus) && randomFailureStatus != 429 {
            throw SandboxError.invalidOption(name: "randomFailureStatus", reason: "\(randomFailureStatus) is not a 5xx status")
        }
        if accessTokenLifetime <= .zero { throw SandboxError.invalidOption(name: "accessTokenLifetime", reason: "must be positive") }
        if let n = horseCount, n < 0 { throw SandboxError.invalidOption(name: "horseCount", reason: "must not be negative") }
        if let n = animalCount, n < 0 { throw SandboxError.invalidOption(name: "animalCount", reason: "must not be negative") }
        if let limit = rateLimit, limit.requests < 1 || limit.window <= .zero {
            throw SandboxError.invalidOption(name: "rateLimit", reason: "needs at least 1 request in a positive window")
        }
        if equictyAPIKey.isEmpty { throw SandboxError.invalidOption(name: "equictyAPIKey", reason: "must not be empty") }
    }
}
