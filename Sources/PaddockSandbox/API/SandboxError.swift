/// What can go wrong starting the sandbox or reading its demo data.
package enum SandboxError: Error, CustomStringConvertible, Sendable {
    /// A bundled demo data file is missing (the resource bundle was not installed beside the binary).
    case demoDataMissing(path: String)
    /// A bundled demo data file does not decode.
    case demoDataInvalid(file: String, reason: String)
    /// The server did not report a bound port.
    case notStarted(reason: String)
    /// An option makes no sense (a negative latency, a failure rate outside 0…1).
    case invalidOption(name: String, reason: String)

    package var description: String {
        switch self {
        case .demoDataMissing(let path): "sandbox: demo data not found at \(path)"
        case .demoDataInvalid(let file, let reason): "sandbox: demo data file \(file) is invalid: \(reason)"
        case .notStarted(let reason): "sandbox: the server did not start: \(reason)"
        case .invalidOption(let name, let reason): "sandbox: option \(name) is invalid: \(reason)"
        }
    }
}
