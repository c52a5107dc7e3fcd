/// `sitemap.xml` with `xhtml:link` alternates for every language, and `robots.txt` pointing at it.
enum Sitemap {
    static func xml(plan: SitePlan) -> String {
        let base = plan.config.baseURL
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in plan.pages where page.kind.isInSitemap {
            out += "<url><loc>\(XMLText.escape(base + page.urlPath))</loc>"
            if plan.languages.count > 1 {
                for language in plan.languages {
                    guard let path = page.alternates[language] else { continue }
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(XMLText.escape(base + PlannedPage.urlPath(path)))\"/>"
                }
                if let path = page.alternates[plan.languages[0]] {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(base + PlannedPage.urlPath(path)))\"/>"
                }
            }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    static func robots(plan: SitePlan) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(plan.config.baseURL)sitemap.xml\n"
    }
}
