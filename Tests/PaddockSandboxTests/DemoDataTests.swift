import Foundation
import PaddockMedia
import PaddockCatalogue
import Testing
@testable import PaddockSandbox

@Suite struct DemoDataTests {
    @Test func givesOneCatalogueFullOfHorsesAndAnimalsPerLanguage() throws {
        let catalogues = try DemoData.catalogues(languages: ["en", "fr", "de", "nl"], mediaBaseURL: "https://example.org/media/demo",
                                                 today: CalendarDate(year: 2026, month: 12, day: 1))
        #expect(catalogues.map(\.language) == ["en", "fr", "de", "nl"])
        for catalogue in catalogues {
            #expect(catalogue.horses.count == 30)
            #expect((18...26).contains(catalogue.animals.count))
            #expect(catalogue.horses.filter(\.horsetelex).count == 5)
            #expect(catalogue.horses.allSatisfy { $0.profileURL?.hasPrefix("https://example.org/media/demo/") == true })
            #expect(catalogue.horses.filter { $0.pedigree?.names.count == 14 }.count >= 20)
            #expect(catalogue.animals.contains { $0.price == nil } && catalogue.animals.contains { $0.price != nil })
            #expect(Set(catalogue.animals.flatMap { $0.sireGenetics + $0.damGenetics }.compactMap(\.trait))
                .isSuperset(of: ["Recessive", "Co-dominant", "Dominant", "Polygenic"]))
        }
        #expect(catalogues[0].horses.first { $0.gender == .stallion }?.sex == "Stallion")
        #expect(catalogues[2].horses.first { $0.gender == .stallion }?.sex == "Hengst")
        #expect(catalogues[1].horses[0].additional?.salesContent != catalogues[0].horses[0].additional?.salesContent)
    }

    /// Every picture is a shipped file, or a generated photograph named by its size (`generated/1600x1200.jpg`).
    @Test func everyMediaURLPointsAtAShippedFile() throws {
        let folder = try DemoData.mediaFolder
        let base = "https://example.org/m"
        let catalogue = try #require(try DemoData.catalogues(mediaBaseURL: base).first)
        var urls = catalogue.horses.flatMap { [$0.profileURL, $0.miniatureURL] + $0.pictures.flatMap { [$0.url, $0.miniatureURL] } }.compactMap { $0 }
        urls += catalogue.animals.flatMap { $0.photos + [$0.species.pictureURL].compactMap { $0 } }
        #expect(urls.count > 100)
        for url in urls {
            let relative = try #require(url.hasPrefix(base + "/") ? String(url.dropFirst(base.count + 1)) : nil)
            if relative.hasPrefix("generated/") {
                #expect(GeneratedPicture(String(relative.dropFirst("generated/".count))) != nil, "\(relative)")
                continue
            }
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path), "\(relative)")
        }
    }

    @Test func horseTelexHTMLCarriesTheLogoAndTheColours() throws {
        let catalogue = try #require(try DemoData.catalogues(mediaBaseURL: "/media/demo",
                                                             horsetelexColors: ("111111", "222222", "333333")).first)
        let htmls = catalogue.horses.compactMap(\.horsetelexHTML)
        #expect(htmls.count == 5)
        for html in htmls {
            #expect(html.contains(#"<img src="/media/demo/logos/horsetelex.svg" alt="HorseTelex""#))
            #expect(html.contains("#111111") && html.contains("#222222") && html.contains("#333333"))
            #expect(!html.contains("__"))
        }
    }

    @Test func hostileSetCoversWhatTheSiteBuilderMustSurvive() throws {
        let catalogue = try #require(try DemoData.catalogues(mediaBaseURL: "/m", includeHostile: true).first)
        let names = catalogue.horses.map(\.name)
        #expect(names.contains("<script>alert(1)</script>"))
        #expect(names.contains { $0.contains("{{") })
        #expect(names.contains { $0.count == 300 })
        #expect(names.contains("Cœur de Lion") && names.contains("Coeur de Lion"))
        #expect(catalogue.horses.contains { $0.profileURL?.hasPrefix("javascript:") == true })
        #expect(catalogue.horses.contains { $0.horsetelexHTML?.contains("display:none") == true })
        let plain = try #require(try DemoData.catalogues(mediaBaseURL: "/m").first)
        #expect(!plain.horses.contains { $0.name.contains("<") })
    }

    @Test func isTheSameEveryTime() throws {
        let day = CalendarDate(year: 2026, month: 12, day: 1)
        let a = try DemoData.catalogues(languages: ["nl"], mediaBaseURL: "/m", today: day)
        let b = try DemoData.catalogues(languages: ["nl"], mediaBaseURL: "/m", today: day)
        #expect(a == b)
    }
}

@Suite struct ScaledDataTests {
    @Test func scalesToAThousandHorsesAThirdOnHorseTelex() async throws {
        var options = SandboxOptions()
        options.horseCount = 1000
        options.animalCount = 250
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let list = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "EN")
                let horses = try #require(unwrapData(try list.json()) as? [[String: Any]])
                #expect(horses.count == 1000)
                #expect(Set(horses.map { "\($0["id"] ?? "")" }).count == 1000, "ids are unique")
                #expect(horses.filter { $0["horsetelex"] as? Bool == true }.count == 334)
                let last = try await http.equicty(sandbox, "/public/web/horses/101000?include_additional_info=true")
                #expect(last.status == 200)
                let pedigree = try await http.equicty(sandbox, "/public/web/horses/pedigree/100004", method: .POST, body: "{}")
                #expect(pedigree.status == 200 && pedigree.text.contains("HorseTelex"))
                let animals = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?limit=100&is_for_sale=1&user_keys="
                                                  + sandbox.husbandryUserKeys.joined(separator: ","))
                let total = try animals.object()["total"]
                #expect("\(total ?? "")" == "125")
            }
        }
    }

    @Test func scaledCataloguesWithoutAServer() throws {
        let catalogue = try #require(try DemoData.catalogues(mediaBaseURL: "/m", horseCount: 10_000, animalCount: 10_000).first)
        #expect(catalogue.horses.count == 10_000)
        #expect(catalogue.animals.count == 5_000)
        #expect(Set(catalogue.horses.map(\.id)).count == 10_000)
        #expect(Set(catalogue.animals.map(\.id)).count == 5_000)
    }
}

@Suite struct DemoDataAgreesWithTheSandbox {
    @Test func canonicalAnswersCarryTheSameHorsesAsTheTypedCatalogue() async throws {
        var options = SandboxOptions()
        options.variants = .canonical
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let expected = try #require(try DemoData.catalogues(languages: ["de"], mediaBaseURL: sandbox.mediaBaseURL).first)
                let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "DE")
                let list = try #require(unwrapData(try answer.json()) as? [[String: Any]])
                #expect(list.map { "\($0["id"] ?? "")" } == expected.horses.map(\.id))
                #expect(list.map { $0["name"] as? String ?? "" } == expected.horses.map(\.name))
                #expect(list.map { $0["sex"] as? String } == expected.horses.map(\.sex))
                #expect(list.map { $0["profile"] as? String } == expected.horses.map(\.profileURL))
                let pedigree = try await http.equicty(sandbox, "/public/web/horses/pedigree/1208", method: .POST, language: "DE", body: "{}")
                #expect(pedigree.text == expected.horses.first { $0.id == "1208" }?.horsetelexHTML)
            }
        }
    }
}
