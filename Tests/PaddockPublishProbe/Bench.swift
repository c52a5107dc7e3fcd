import Foundation
import Logging
import PaddockSite
import PaddockPublish
import PaddockHTML

/// `PaddockPublishProbe OUTPUT 0 PAGES bench`: times a full publish into a fresh folder, a
/// no-change rebuild, a rebuild with one changed page and the attribution check over every page.
/// A measuring aid for docs/publishing.md, not a test.
func bench(output: URL, count: Int) throws {
    let filler = String(repeating: "<p>Sport horse by Cornet Obolensky out of a Clinton mare.</p>\n", count: 58)
    let attribution = """
        <a class="paddock-attribution" data-attribution="equicty" href="https://www.equicty.com/">\
        <img src="/assets/equicty-logo.svg" alt="Equicty" width="120" height="32"> Data by Equicty</a>
        """
    func pages(_ marker: String) -> [RenderedPage] {
        (0..<count).map { index in
            let html = "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/assets/style.css\"><title>Horse \(index)</title></head>"
                + "<body><main><h1>Horse \(index) \(index == 7 ? marker : "")</h1>\(filler)</main><footer>\(attribution)</footer></body></html>"
            return RenderedPage(path: "en/horses/horse-\(index)/index.html", bytes: Array(html.utf8), template: "horse", showsEquictyData: true)
        }
    }
    let theme = try BundledTheme.folder()
    let assets = [StaticFile(path: "assets/equicty-logo.svg", source: theme.appending(path: "assets/equicty-logo.svg"))]
    let style = RenderedPage(path: "assets/style.css", bytes: Array("footer { padding: 1rem } .hidden { display: none }".utf8))
    let first = SiteOutput(pages: pages("a") + [style], staticFiles: assets)
    let bytes = first.pages.reduce(0) { $0 + $1.bytes.count } / max(1, count)
    let publisher = Publisher(output: output, syncBeforeSwap: ProcessInfo.processInfo.environment["BENCH_SYNC"] == "1",
                              logger: Logger(label: "bench"))
    let checker = try AttributionChecker.bundled(baseURL: "https://stable.example/")
    let clock = ContinuousClock()
    func cpu() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return (Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
                Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6)
    }
    func time(_ label: String, _ work: () throws -> Void) rethrows {
        let start = clock.now, before = cpu()
        try work()
        let after = cpu()
        print("\(label): \(clock.now - start) wall, user \(after.user - before.user) s, system \(after.system - before.system) s")
    }
    print("pages: \(count) of about \(bytes) bytes")
    try time("attribution check") { try checkEveryPage(checker, first) }
    if ProcessInfo.processInfo.environment["BENCH_CHECK_ONLY"] == "1" {
        for _ in 0..<3 { try time("attribution check") { try checkEveryPage(checker, first) } }
        return
    }
    try time("full publish (fresh folder)") { print("  ", try publishAll(publisher, first)) }
    try time("no-change publish") { print("  ", try publishAll(publisher, first)) }
    let changed = SiteOutput(pages: pages("b") + [style], staticFiles: assets)
    try time("one-change publish (new release folder)") { print("  ", try publishAll(publisher, changed)) }
    try time("one-change publish (new release folder)") { print("  ", try publishAll(publisher, first)) }
    try time("one-change publish (recycles the oldest release)") { print("  ", try publishAll(publisher, changed)) }
    try time("one-change publish (recycles again)") { print("  ", try publishAll(publisher, first)) }
}

/// Every page through the page checker a build uses, then its verdict.
func checkEveryPage(_ checker: AttributionChecker, _ site: SiteOutput) throws {
    let check = AttributionPageChecker(checker: checker, linkedFiles: site, pageOrder: site.pages.map(\.path))
    for page in site.pages { check.check(page) }
    try check.verify()
}
