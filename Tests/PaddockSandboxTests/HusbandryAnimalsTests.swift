import Foundation
import Testing
@testable import PaddockSandbox

@Suite struct HusbandryAnimalsTests {
    /// Pages through `animals` with `limit` until a page comes back short; returns every item and the `total`s seen.
    static func walk(_ fetch: (Int) async throws -> SandboxHTTP.Answer) async throws -> (items: [[String: Any]], totals: [Any]) {
        var items: [[String: Any]] = []
        var totals: [Any] = []
        for page in 1...50 {
            let body = try await fetch(page).object()
            let data = try #require(body["data"] as? [[String: Any]])
            totals.append(body["total"] ?? NSNull())
            items += data
            let total = (body["total"] as? Int) ?? Int(body["total"] as? String ?? "") ?? -1
            if items.count >= total || data.isEmpty { break }
        }
        return (items, totals)
    }

    @Test func pagesToTheLastPageWithTotalAsNumberAndAsString() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (access, _) = try await flow.login()
                let (items, totals) = try await Self.walk { page in
                    try await flow.animals("?is_for_sale=1&limit=4&page=\(page)", token: access)
                }
                #expect(totals.contains { $0 is String } && totals.contains { $0 is Int }, "total arrives both ways")
                let total = Int(totals.first as? String ?? "") ?? (totals.first as? Int ?? 0)
                #expect(items.count == total)
                #expect(total >= 14)
                #expect(Set(items.compactMap { $0["ids"] as? String }).count == items.count, "no item twice across pages")
                #expect(items.allSatisfy { item in "\(item["is_for_sale"] ?? "")" == "1" })
                let past = try await flow.animals("?is_for_sale=1&limit=4&page=99", token: access).object()
                #expect((past["data"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test func servesTheDocumentedTypeDrift() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (access, _) = try await flow.login()
                let items = try #require(try await flow.animals("?limit=100", token: access).object()["data"] as? [[String: Any]])
                #expect(items.contains { $0["feeding_intervals"] is String } && items.contains { $0["feeding_intervals"] is Int })
                #expect(items.contains { $0["fed_week_days"] as? String == "" } && items.contains { $0["fed_week_days"] is [String] })
                let forSale = items.filter { "\($0["is_for_sale"] ?? "")" == "1" }
                #expect(forSale.contains { $0["sale_info"] == nil } && forSale.contains { $0["sale_info"] != nil })
                let prices = forSale.compactMap { ($0["sale_info"] as? [String: Any])?["sale_price"] }
                #expect(prices.contains { $0 is String } && prices.contains { $0 is Double || $0 is Int })
                #expect(items.contains { $0["custom_status_notes"] != nil }, "an extra field")
                #expect(items.allSatisfy { ($0["animal_type"] as? [String: Any])?["scientific_name"] is String })
            }
        }
    }

    @Test func filtersByAnimalTypeAndStatus() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (access, _) = try await flow.login()
                let pythons = try #require(try await flow.animals("?animal_type=Ball%20Python", token: access).object()["data"] as? [[String: Any]])
                #expect(!pythons.isEmpty)
                #expect(pythons.allSatisfy { ($0["animal_type"] as? [String: Any])?["common_name"] as? String == "Ball Python" })
                let typeID = try #require((pythons.first?["animal_type"] as? [String: Any])?["ids"] as? String)
                let byID = try #require(try await flow.animals("?animal_type[]=\(typeID)", token: access).object()["data"] as? [[String: Any]])
                #expect(byID.count == pythons.count)
                let held = try #require(try await flow.animals("?status[]=hold&status[]=sold", token: access).object()["data"] as? [[String: Any]])
                #expect(!held.isEmpty && held.allSatisfy { ["hold", "sold"].contains($0["status"] as? String ?? "") })
                #expect(held.contains { $0["hold_info"] != nil || $0["sold_info"] != nil })
            }
        }
    }

    @Test func singleAnimalIsBareAndAnUnknownOneIs404() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (access, _) = try await flow.login()
                let first = try #require(try await flow.animals("?limit=1", token: access).object()["data"] as? [[String: Any]])
                let id = try #require(first.first?["ids"] as? String)
                let one = try await http.send(sandbox.husbandryV2APIURL + "/animals/\(id)", headers: [("Authorization", "Bearer \(access)")])
                #expect(try one.object()["ids"] as? String == id)
                let none = try await http.send(sandbox.husbandryV2APIURL + "/animals/nope", headers: [("Authorization", "Bearer \(access)")])
                #expect(none.status == 404)
            }
        }
    }

    @Test func v1ListsTheAnimalsOfSeveralBreedersByUserKey() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let keys = sandbox.husbandryUserKeys
                #expect(keys.count == 3 && keys.allSatisfy { $0.count == 32 })
                let one = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=\(keys[1])").object()
                let oneItems = try #require(one["data"] as? [[String: Any]])
                #expect(Set(oneItems.compactMap { ($0["user"] as? [String: Any])?["business_name"] as? String }) == ["Gecko Atelier"])
                let both = try await http.send(sandbox.husbandryBaseURL + "/v1/api.php/animals?user_keys[]=\(keys[1])&user_keys[]=\(keys[2])").object()
                let bothItems = try #require(both["data"] as? [[String: Any]])
                #expect(Set(bothItems.compactMap { ($0["user"] as? [String: Any])?["business_name"] as? String }) == ["Gecko Atelier", "Nordic Morphs"])
                let id = try #require(bothItems.first?["ids"] as? String)
                let single = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animal/\(id)?user_keys=\(keys[1]),\(keys[2])")
                #expect(try single.object()["ids"] as? String == id)
            }
        }
    }

    @Test func v1RefusesAWrongOrMissingUserKey() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let wrong = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=0123456789abcdef0123456789abcdef")
                #expect(wrong.status == 401)
                #expect(!wrong.text.contains("0123456789abcdef"), "the key is not echoed")
                #expect(try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals").status == 401)
            }
        }
    }

    @Test func sortsByTheRequestedFieldAndDirection() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let base = sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=\(sandbox.husbandryUserKeys[0])"
                let ascending = try #require(try await http.send(base + "&sort_field=my_id").object()["data"] as? [[String: Any]])
                let descending = try #require(try await http.send(base + "&sort_field=my_id&sort_dir=desc").object()["data"] as? [[String: Any]])
                let up = ascending.compactMap { $0["my_id"] as? String }
                #expect(up == up.sorted() && up.count > 10)
                #expect(descending.compactMap { $0["my_id"] as? String } == up.reversed() || descending.first?["my_id"] as? String == up.last)
            }
        }
    }
}
