import Foundation
import PaddockSources
import Testing
@testable import PaddockSite

/// `[sources.smaxtec]` in `paddock.toml`.
@Suite struct HerdConfigTests {
    let root = URL(filePath: "/srv/farm")

    @Test func readsTheSmaxtecSection() throws {
        let config = try SiteConfig(toml: """
            title = "Hof Berger"
            base_url = "https://hof.example"

            [sources.smaxtec]
            base_url = "https://api-staging.smaxtec.com/api/"
            organisations = ["Hof Berger", "5f1a0c2e9b3d4a0002almb"]
            hide_ear_tag = true
            publish_reproduction = true
            for_sale_tags = ["verkauf", " for_sale "]
            """, root: root)
        #expect(config.sources.smaxtec == SmaxtecSourceConfiguration(baseURL: "https://api-staging.smaxtec.com/api",
                                                                     organisations: ["Hof Berger", "5f1a0c2e9b3d4a0002almb"]))
        #expect(config.herd == HerdSettings(hideEarTag: true, publishReproduction: true, saleTags: ["verkauf", "for_sale"]))
        let plain = try SiteConfig(toml: "title = \"A\"\nbase_url = \"https://a.example\"\n[sources.smaxtec]\n", root: root)
        #expect(plain.sources.smaxtec == SmaxtecSourceConfiguration())
        #expect(plain.herd == HerdSettings())
        #expect(plain.sources.equicty == nil && plain.sources.husbandry == nil)
    }

    @Test(arguments: [
        ("[sources.smaxtec]\npassword = \"hunter2\"\n", SiteConfigError.Kind.secretInConfig, "sources.smaxtec.password", 4),
        ("[sources.smaxtec]\norganisations = []\nemail = \"farmer@hof.example\"\n", .secretInConfig, "sources.smaxtec.email", 5),
        ("[sources.smaxtec]\nsmaxtec_password = \"x\"\n", .secretInConfig, "sources.smaxtec.smaxtec_password", 4),
        ("[sources.smaxtec]\nhide_ear_tag = \"yes\"\n", .wrongType, "sources.smaxtec.hide_ear_tag", 4),
        ("[sources.smaxtec]\norganisations = [\"\"]\n", .invalidValue, "sources.smaxtec.organisations", 4),
        ("[sources.smaxtec]\nbase_url = \"https://farmer:pw@api.smaxtec.com/api\"\n", .secretInConfig, "sources.smaxtec.base_url", 4),
        ("[sources.smaxtec]\norganisation = [\"a\"]\n", .unknownKey, "sources.smaxtec.organisation", 4),
    ])
    func refusesSecretsAndBadValuesNamingTheKey(_ section: String, _ kind: SiteConfigError.Kind, _ key: String, _ line: Int) {
        do {
            _ = try SiteConfig(toml: "title = \"A\"\nbase_url = \"https://a.example\"\n" + section, root: root)
            Issue.record("expected an error for \(key)")
        } catch let error as SiteConfigError {
            #expect(error.kind == kind)
            #expect(error.key == key)
            #expect(error.line == line)
            #expect(!error.description.contains("hunter2") && !error.description.contains("farmer@hof.example"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
