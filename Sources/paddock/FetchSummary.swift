import Foundation
import PaddockSources

/// The summary `paddock fetch` prints: counts per source and language, warnings, failures, time.
enum FetchSummary {
    static func text(_ report: FetchReport) -> String {
        var lines: [String] = []
        let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
        let how = report.mode == .offline ? "from the cache" : "\(report.requests) requests"
        lines.append("Fetched in \(String(format: "%.1f", seconds)) s (\(how)):")
        for count in report.counts {
            let what = switch count.service {
            case .equicty: "horses"
            case .husbandry: "animals for sale"
            case .smaxtec: "animals of the herd"
            case .media: "pictures"
            }
            let language = count.language.map { " (\($0))" } ?? ""
            var extras: [String] = []
            if count.fromCache > 0, report.mode == .network { extras.append("\(count.fromCache) from the cache") }
            if count.failed > 0 { extras.append("\(count.failed) failed") }
            let tail = extras.isEmpty ? "" : " — " + extras.joined(separator: ", ")
            lines.append("  \(count.service)\(language): \(count.items) \(what)\(tail)")
        }
        if report.revalidated > 0 {
            let answers = report.revalidated == 1 ? "1 answer" : "\(report.revalidated) answers"
            lines.append("  \(answers) unchanged since the last fetch (304): \(byteCount(report.bytesSavedByRevalidation)) not downloaded again")
        }
        if let pictures = report.pictures {
            var parts = ["\(pictures.downloaded) downloaded", "\(pictures.unchanged) unchanged"]
            if pictures.refused > 0 { parts.append("\(pictures.refused) refused") }
            if pictures.failed > 0 { parts.append("\(pictures.failed) failed") }
            lines.append("  pictures: " + parts.joined(separator: ", "))
        }
        if !report.warnings.isEmpty {
            lines.append("Warnings (\(report.warnings.count)):")
            lines += report.warnings.map { "  - \($0)" }
        }
        if !report.failures.isEmpty {
            lines.append("Could not fetch, and no cached copy (\(report.failures.count)):")
            lines += report.failures.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// `812 bytes`, `48.3 kB`, `2.1 MB` (powers of 1000).
    static func byteCount(_ bytes: Int) -> String {
        switch bytes {
        case ..<1000: return "\(bytes) bytes"
        case ..<1_000_000: return String(format: "%.1f kB", Double(bytes) / 1000)
        default: return String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }
}
