/// Why an API body could not be turned into the catalogue model.
package enum CatalogueDecodingError: Error, CustomStringConvertible, Equatable {
    /// The service answered with its error frame `{"status": false, "msg": …}`; `message` is `msg`.
    case serviceError(message: String)
    /// The body is not JSON, or not the documented shape (`detail` says what was wrong).
    case malformed(detail: String)

    package var description: String {
        switch self {
        case .serviceError(let message): "the service answered with an error: \"\(message)\""
        case .malformed(let detail): "the response is not in the documented shape: \(detail)"
        }
    }
}
