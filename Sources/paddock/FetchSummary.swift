import PaddockSources

/// The summary `paddock fetch` prints: counts per source and language, warnings, failures, time.
enum FetchSummary {
    static func text(_ report: FetchReport) -> String {
        var lines: [String] = []
        let seconds = Double(report.duration.components.seconds) + Double(report.duration.components.attoseconds) / 1e18
        let how = report.mode == .offline ? "from the cache" : "\(report.requests) requests"
        lines.append("Fetched in \(String(format: "%.1f", seconds)) s (\(how)):")
        for count in report.counts {
            let what = count.service == .equicty ? "horses" : "animals for sale"
            let language = count.language.map { " (\($0))" } ?? ""
            var extras: [String] = []
            if count.fromCache > 0, report.mode == .network { extras.append("\(count.fromCache) from the cache") }
            if count.failed > 0 { extras.append("\(count.failed) failed") }
            let tail = extras.isEmpty ? "" : " — " + extras.joined(separator: ", ")
            lines.append("  \(count.service)\(language): \(count.items) \(what)\(tail)")
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
}
