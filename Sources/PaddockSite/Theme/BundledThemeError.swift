/// The bundled default theme could not be found or is incomplete.
package enum BundledThemeError: Error, Equatable, CustomStringConvertible {
    case notFound(searched: [String])
    case missingFile(String)

    package var description: String {
        switch self {
        case .notFound(let searched):
            "the default theme was not found; set PADDOCK_THEME to its folder (looked in: \(searched.joined(separator: ", ")))"
        case .missingFile(let path):
            "the default theme is incomplete: \(path) is missing"
        }
    }
}
