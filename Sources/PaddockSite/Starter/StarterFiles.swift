import Foundation

/// The text files of a starter site.
enum StarterFiles {
    static func config(title: String) -> String {
        let quoted = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return """
        # Paddock site configuration. Every key is described in docs/configuration.md.
        # Secrets (API keys, OAuth client secrets, tokens) never go here: put them in the
        # environment (PADDOCK_EQUICTY_API_KEY, …) or in a credentials file readable by you only.

        # The site's name, shown in the header and in the browser tab.
        title = "\(quoted)"
        # The public address of the site; canonical URLs, the sitemap and feeds start with it.
        base_url = "https://stable.example/"
        # A sentence or two for search engines and feeds.
        description = "Sport horses bred and trained with care."
        # Languages of the site, among en, fr, de, nl; the first is the default.
        languages = ["en", "nl"]
        # Currency of prices of animals for sale (ISO 4217).
        currency = "EUR"
        # Horse cards per listing page.
        horses_per_page = 24
        # Equicty ids of the horses shown on the home page; empty shows the newest.
        featured_horses = []

        [contact]
        # Inquiry links on horse and animal pages write to this address (subject and body prefilled).
        email = "info@stable.example"
        phone = "+31 6 12345678"
        # A WhatsApp number with its country code adds a WhatsApp link to each horse and animal page.
        # whatsapp = "+31 6 12345678"

        # [lifecycle]
        # new_days = 14           # the "new" badge lasts this many days
        # sold_page_days = 60     # a sold item's page stays this long, marked sold
        # sold_archive = false    # true writes /{lang}/sold/
        # keep_first_url = true   # a renamed item keeps its first address
        # force_redirects = false # true on Netlify: `301!` in _redirects (docs/history.md)

        [folders]
        # Files here override the bundled theme one by one (templates/partials/horse-card.mustache,
        # templates/assets/site.css, keys of templates/i18n/en.json); the rest comes from the theme.
        templates = "templates"
        # Markdown pages; pages/index.md is the home page introduction.
        pages = "pages"
        # Files copied as they are (images, robots additions, favicon).
        static = "static"
        # The published site (Paddock manages it as a link to its latest release).
        output = "public"
        # Fetched API responses.
        cache = ".paddock/cache"

        [http]
        max_concurrent_requests = 8
        max_tries = 3
        # Seconds.
        connect_timeout = 10
        read_timeout = 30

        # Horses from your Equicty stable (needs PADDOCK_EQUICTY_API_KEY).
        [sources.equicty]
        base_url = "https://portal.equicty.com/equicty/api"
        # Only horses of one gender: STALLION, MARE, GELDING, FILLY, COLT; leave out for all.
        # gender = "STALLION"

        # Colours of the HorseTelex pedigree (six hex digits).
        [sources.equicty.horsetelex_colors]
        horse_text = "00AFA8"
        mare_background = "efefef"
        mare_text = "000000"

        # Animals for sale from Husbandry Pro: uncomment to use.
        # v2 uses OAuth (PADDOCK_HUSBANDRY_CLIENT_ID, _CLIENT_SECRET, _REFRESH_TOKEN);
        # v1 uses user keys (PADDOCK_HUSBANDRY_USER_KEYS).
        # [sources.husbandry]
        # version = "v2"
        # base_url = "https://husbandry.pro/api"
        # animal_types = []
        # Only animals flagged for sale are listed, and never one whose status is sold, archived
        # or inactive. Narrow further by status (active, hold, On Loan, ...); hold shows as reserved.
        # statuses = ["active", "hold"]

        # The herd of a cattle farm from smaXtec: uncomment to use. The user's email and password
        # come from PADDOCK_SMAXTEC_EMAIL and PADDOCK_SMAXTEC_PASSWORD, never from this file.
        # [sources.smaxtec]
        # organisations = []             # ids or unique names; empty takes every organisation
        # hide_ear_tag = false
        # publish_reproduction = false   # inseminations, pregnancy checks, calvings, abortions
        # for_sale_tags = ["for_sale"]   # these tags list an animal among the animals for sale

        """
    }

    static func homePage(title: String) -> String {
        """
        # Welcome to \(title)

        Write the introduction of your stable here, in Markdown. It appears on the home page
        above the featured horses. Add more pages beside this one in `pages/`.

        """
    }

    static let themeNote = """
        # Your theme overrides

        A file here replaces the bundled theme's file of the same path; everything else comes from the
        bundled theme, so you keep receiving its updates. For example:

        - `partials/horse-card.mustache`: your own horse card; every listing uses it.
        - `assets/site.css`: your stylesheet (or add `assets/extra.css` and link it from `partials/head.mustache`).
        - `i18n/en.json`: only the keys you change, e.g. `{"nav_horses": "Our horses"}`.

        `paddock init --copy-theme DIR` copies the whole theme instead. See docs/theme.md.

        """

    static let gitignore = """
        # Generated by paddock build
        /public
        /.paddock/

        """
}
