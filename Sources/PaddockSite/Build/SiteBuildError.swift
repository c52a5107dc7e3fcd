import PaddockHistory
import PaddockTemplate

/// Why a build stopped. The published site is left as it was in every case.
package enum SiteBuildError: Error, CustomStringConvertible {
    /// Some items could not be fetched and had no cached copy.
    case incompleteFetch(failures: [String])
    /// The catalogue could not be obtained (a listing failed, credentials are missing, …).
    case catalogue(underlying: any Error)
    /// The theme could not be loaded: template errors carry file, line and column.
    case theme(folder: String, underlying: any Error)
    /// The Markdown pages could not be read.
    case pages(folder: String, underlying: any Error)
    /// A page failed to render (the underlying error names page and template).
    case render(underlying: any Error)
    /// A page lacks the attribution the data providers' terms require.
    case attribution(underlying: any Error)
    /// The site could not be published.
    case publish(underlying: any Error)
    /// Another build holds the lock and the caller asked not to wait.
    case busy(lock: String)
    /// A quality gate found something and the build was asked to be strict (`--strict`).
    case quality(warnings: [QualityWarning])
    /// The site's history database is damaged, locked or unusable (the error names the file).
    case history(HistoryError)

    package var description: String {
        switch self {
        case .incompleteFetch(let failures):
            "not built: \(failures.count) item(s) could not be fetched and have no cached copy: "
                + failures.prefix(5).joined(separator: "; ") + (failures.count > 5 ? "; …" : "")
        case .catalogue(let error): "not built: the catalogue could not be fetched: \(error)"
        case .theme(let folder, let error):
            if let set = error as? TemplateSetError { "not built: the theme in \(folder) has errors:\n\(set)" }
            else { "not built: the theme in \(folder) could not be loaded: \(error)" }
        case .pages(let folder, let error): "not built: the pages in \(folder) could not be read: \(error)"
        case .render(let error): "not built: \(error)"
        case .attribution(let error): "not built: \(error)"
        case .publish(let error): "not published: \(error)"
        case .busy(let lock): "another build is running (lock held: \(lock))"
        case .quality(let warnings):
            "not published (--strict): the quality gates found \(warnings.count) problem(s):\n"
                + warnings.prefix(50).map { "  \($0)" }.joined(separator: "\n") + (warnings.count > 50 ? "\n  …" : "")
        case .history(let error): "not built: \(error)"
        }
    }
}
