import Foundation
import Testing
@testable import PaddockSandbox

/// A running sandbox serves a changed catalogue between two builds, and its statement follows.
@Suite struct CatalogueChangeTests {
    @Test func servedChangesReachTheWireAndTheStatementAndAnEmptySetRestores() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let before = sandbox.statement()
                let horse = try #require(before.horses.compactMap(Int.init).min())
                let renamed = try #require(before.horses.compactMap(Int.init).max())
                let sold = try #require(before.offeredAnimals.keys.sorted().first)
                let withdrawn = try #require(before.offeredAnimals.keys.sorted().last)
                sandbox.serve(changes: [.removeHorse(id: horse), .renameHorse(id: renamed, name: "Nieuwe Naam"),
                                        .sellAnimal(ids: sold), .withdrawAnimal(ids: withdrawn)])
                let after = sandbox.statement()
                #expect(!after.horses.contains(String(horse)) && after.horses.count == before.horses.count - 1)
                #expect(after.offeredAnimals[sold] == nil && after.withheldAnimals.contains(sold))
                #expect(after.offeredAnimals[withdrawn] == nil && after.withheldAnimals.contains(withdrawn))
                // The documented answer for a horse that is not (or no longer) public: 400 "not found or not public".
                let gone = try await http.equicty(sandbox, "/public/web/horses/\(horse)")
                #expect(gone.status == 400 && gone.text.contains("not found or not public"))
                let list = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "EN")
                let ids = try #require(unwrapData(try list.json()) as? [[String: Any]]).map { "\($0["id"] ?? "")" }
                #expect(!ids.contains(String(horse)))
                let detail = try await http.equicty(sandbox, "/public/web/horses/\(renamed)")
                #expect(detail.text.contains("Nieuwe Naam"))

                sandbox.serve(changes: [])
                #expect(sandbox.statement() == before)
                #expect(try await http.equicty(sandbox, "/public/web/horses/\(horse)").status == 200)
            }
        }
    }
}
