import Foundation

/// The site's redirects for servers, beside the static redirect pages (which work everywhere):
/// `_redirects` for Netlify and Cloudflare Pages, and `redirects.map`, the entries of an nginx
/// `map` block (see docs/history.md).
enum RedirectMaps {
    /// `/old/ /new/ 301`, once for the folder address and once for its `index.html` (`301!` with
    /// `[lifecycle] force_redirects`, for Netlify, which otherwise serves the redirect page there).
    static func netlify(plan: SitePlan) -> String {
        var out = "# Written by Paddock: addresses published before, and where they are now.\n"
        let status = plan.config.lifecycle.forceRedirects ? "301!" : "301"
        for (from, target) in entries(plan) { out += "\(from) \(target) \(status)\n" }
        return out
    }

    /// `"/old/" "/new/";` lines, to include in `map $uri $paddock_redirect { … }`.
    static func nginx(plan: SitePlan) -> String {
        var out = """
        # Written by Paddock: addresses published before, and where they are now.
        # In the http block:  map $uri $paddock_redirect { default ""; include /path/to/site/redirects.map; }
        # In the server block: if ($paddock_redirect) { return 301 $paddock_redirect; }

        """
        for (from, target) in entries(plan) { out += "\(quoted(from)) \(quoted(target));\n" }
        return out
    }

    /// Absolute paths on the server: the base URL's path, then the site path.
    private static func entries(_ plan: SitePlan) -> [(String, String)] {
        var base = URLComponents(string: plan.config.baseURL)?.path ?? "/"
        if !base.hasSuffix("/") { base += "/" }
        var result: [(String, String)] = []
        for (from, to) in plan.redirects {
            let target = base + PlannedPage.urlPath(to)
            let folder = base + PlannedPage.urlPath(from)
            result.append((folder, target))
            if folder != base + from { result.append((base + from, target)) }
        }
        return result
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
