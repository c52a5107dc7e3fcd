import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// The Equicty client against the sandbox: list, details with additional info, HorseTelex HTML, per language.
@Suite struct EquictyFetchTests {
    @Test func fetchesListDetailsAndPedigreeForEveryLanguage() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let cache = try SourcesTest.temporaryFolder()
            let config = SourcesTest.configuration(sandbox, cache: cache, languages: ["en", "de"])
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty)
            #expect(report.catalogues.map(\.language) == ["en", "de"])
            let expected = try SourcesTest.expected(sandbox, languages: ["en", "de"])
            for (catalogue, want) in zip(report.catalogues, expected) {
                #expect(catalogue.horses.map(\.id) == want.horses.map(\.id))
                for (horse, wanted) in zip(catalogue.horses, want.horses) {
                    #expect(horse.name == wanted.name)
                    #expect(horse.sex == wanted.sex, "sex of \(horse.id) in \(catalogue.language)")
                    #expect(horse.gender == wanted.gender)
                    #expect(horse.birthDate == wanted.birthDate)
                    #expect(horse.studbook == wanted.studbook)
                    #expect(horse.height == wanted.height)
                    #expect(horse.pictures.map(\.url) == wanted.pictures.map(\.url))
                    #expect(horse.videos.count == wanted.videos.count)
                    #expect(horse.additional == wanted.additional, "additional info of \(horse.id)")
                    #expect(horse.horsetelex == wanted.horsetelex)
                    #expect((horse.horsetelexHTML != nil) == wanted.horsetelex)
                }
            }
            let html = try #require(report.catalogues[0].horses.first { $0.horsetelex }?.horsetelexHTML)
            #expect(html.contains("123abc"), "the configured colours reach the HorseTelex HTML")
            #expect(report.catalogues[0].horses.map(\.sex) != report.catalogues[1].horses.map(\.sex), "German words in the German fetch")

            let log = await sandbox.requestLog.requests(to: .equicty)
            let lists = log.filter { $0.method == "POST" && $0.path.hasSuffix("/public/web/horses") }
            #expect(lists.compactMap(\.acceptLanguage).sorted() == ["DE", "EN"])
            let details = log.filter { $0.method == "GET" }
            #expect(details.count == expected[0].horses.count * 2)
            #expect(details.allSatisfy { $0.query.contains("include_additional_info=true") })
            #expect(log.allSatisfy { $0.headers["authorization"]?.hasPrefix("Bearer") == true })
        }
    }

    @Test func sendsTheGenderFilter() async throws {
        try await SourcesTest.withSandbox { sandbox in
            var config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            config.equicty?.gender = .mare
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let horses = report.catalogues[0].horses
            #expect(!horses.isEmpty)
            #expect(horses.allSatisfy { $0.gender == .mare })
            let list = await sandbox.requestLog.requests(pathContaining: "/public/web/horses").first
            #expect(list?.body?.contains("MARE") == true)
        }
    }

    @Test func keepsRequestsInFlightWithinTheBound() async throws {
        var options = SandboxOptions()
        options.latency = .milliseconds(60)
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), husbandry: .v1,
                                                   maxConcurrentRequests: 3)
            _ = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            let peak = await sandbox.requestLog.maxInFlight
            #expect(peak <= 3)
            #expect(peak > 1, "details are fetched concurrently")
        }
    }
}
