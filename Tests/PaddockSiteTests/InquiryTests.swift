import Foundation
import Testing
@testable import PaddockSite

/// The one-tap inquiry of horse and animal pages, and the `[contact]` and `[lifecycle]` keys.
@Suite struct InquiryTests {
    @Test func pagesOfferEmailWhatsAppAndPhonePrefilledInTheirLanguage() async throws {
        var config = TestSite.config()
        config.contactWhatsApp = "31612345678"
        let (_, pages) = try await TestSite.render(config: config, catalogues: TestSite.catalogues())
        func page(_ path: String) throws -> String { try #require(pages.first { $0.path == path }).text }
        let arko = try page("de/horses/arko/index.html")
        #expect(arko.contains("href=\"mailto:info@stable.example?subject=Anfrage%20zu%20Arko&amp;body=Guten%20Tag%2C"))
        #expect(arko.contains("Referenz%20101"))
        #expect(arko.contains("https%3A%2F%2Fstable.example%2Fde%2Fhorses%2Farko%2F"))
        #expect(arko.contains("href=\"https://wa.me/31612345678?text=Guten%20Tag%2C%20ich%20interessiere%20mich%20f%C3%BCr%20Arko%20%28Referenz%20101%29%3A%20https%3A%2F%2Fstable.example%2Fde%2Fhorses%2Farko%2F\""))
        #expect(arko.contains("href=\"tel:+31612345678\""))
        let sunny = try page("en/for-sale/sunny/index.html")
        #expect(sunny.contains("subject=Inquiry%20about%20Sunny&amp;body=Hello%2C%0A%0AI%20am%20interested%20in%20Sunny%20%28reference%20BP-0018%29"))
        #expect(sunny.contains("https://wa.me/31612345678?text=Hello%2C%20I%20am%20interested%20in%20Sunny"))
        let french = TestSite.config(languages: ["fr"])
        let (_, frenchPages) = try await TestSite.render(config: french, catalogues: TestSite.catalogues(languages: ["fr"]))
        let tango = try #require(frenchPages.first { $0.path == "fr/for-sale/tango/index.html" }).text
        #expect(tango.contains("subject=Inquiry") == false)
        #expect(tango.contains("Se renseigner sur Tango"))
        #expect(!tango.contains("wa.me"), "no WhatsApp link without [contact] whatsapp")
    }

    @Test func whatsAppAndLifecycleKeysAreCheckedByName() throws {
        let root = URL(filePath: "/srv/stable")
        let base = "title = \"A\"\nbase_url = \"https://a.example/\"\n"
        let config = try SiteConfig(toml: base + "[contact]\nwhatsapp = \"+31 6 1234 5678\"\n[lifecycle]\nnew_days = 7\nsold_page_days = 0\nsold_archive = true\nkeep_first_url = false\nforce_redirects = true\n", root: root)
        #expect(config.contactWhatsApp == "31612345678")
        #expect(config.lifecycle == LifecycleSettings(newDays: 7, soldPageDays: 0, soldArchive: true, keepFirstURL: false, forceRedirects: true))
        for (toml, key) in [("[contact]\nwhatsapp = \"call me\"\n", "contact.whatsapp"),
                            ("[lifecycle]\nnew_days = -1\n", "lifecycle.new_days"),
                            ("[lifecycle]\nsold_page_days = \"30\"\n", "lifecycle.sold_page_days"),
                            ("[lifecycle]\nsold_archive = 1\n", "lifecycle.sold_archive"),
                            ("[lifecycle]\nnew_dayz = 3\n", "lifecycle.new_dayz")] {
            #expect(throws: SiteConfigError.self) { try SiteConfig(toml: base + toml, root: root) }
            do { _ = try SiteConfig(toml: base + toml, root: root) } catch let error as SiteConfigError {
                #expect(error.key == key, "\(toml)")
            }
        }
    }
}
