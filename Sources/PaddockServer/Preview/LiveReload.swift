import PaddockSite
import PaddockHTML

/// The reload script injected into preview pages, and the error page shown while the build fails.
enum LiveReload {
    static let eventsPath = "/__paddock/events"

    /// The script, bound to the generation the page was served at.
    static func script(generation: Int) -> String {
        """
        <script data-paddock-preview>(function(){var s=new EventSource("\(eventsPath)?since=\(generation)");\
        s.addEventListener("reload",function(){s.close();location.reload();});})();</script>
        """
    }

    /// `html` with the script inserted before its last `</body>` (appended when there is none).
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(script(generation: generation).utf8)
        let closing = Array("</body".utf8)
        if html.count >= closing.count {
            var index = html.count - closing.count
            while index >= 0 {
                if matchesIgnoringCase(html, at: index, closing) {
                    return Array(html[..<index]) + script + Array(html[index...])
                }
                index -= 1
            }
        }
        return html + script
    }

    private static func matchesIgnoringCase(_ html: [UInt8], at index: Int, _ needle: [UInt8]) -> Bool {
        for (offset, byte) in needle.enumerated() {
            let c = html[index + offset]
            let lower = (c >= 65 && c <= 90) ? c + 32 : c
            if lower != byte { return false }
        }
        return true
    }

    /// A self-contained page showing the build error (HTML-escaped), with the reload script.
    static func errorPage(message: String, generation: Int) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Build failed · Paddock preview</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#222}h1{color:#a00}\
        pre{background:#fff4f4;border:1px solid #e0b4b4;padding:1rem;overflow:auto;font:14px/1.4 ui-monospace,monospace}</style>
        </head><body><main>
        <h1>The site did not build</h1>
        <p>Fix the problem below and save: this page reloads by itself.</p>
        <pre id="paddock-build-error">\(escape(message))</pre>
        </main>\(script(generation: generation))</body></html>

        """
    }

    static func escape(_ text: String) -> String { HTMLEscaping.attribute(text) }
}
