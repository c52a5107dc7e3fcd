import Foundation
import PaddockMedia
import Testing
@testable import PaddockSandbox

/// `SandboxOptions.photographs`: the demo pictures as phone-sized photographs, for measuring what
/// a page costs a visitor when it shows a service's full-size pictures (`scripts/page-speed`).
@Suite struct PhotographTests {
    /// The picture URLs of an Equicty details answer: (profile, miniature, pictures).
    static func pictureURLs(_ answer: SandboxHTTP.Answer) throws -> (profile: String?, miniature: String?, pictures: [String]) {
        let object = try answer.object()
        let details = (object["data"] as? [String: Any]) ?? object
        let pictures = (details["pictures"] as? [[String: Any]] ?? []).compactMap { $0["mediaurl"] as? String }
        return (details["profile"] as? String, details["miniature"] as? String, pictures)
    }

    /// The profile URLs of an Equicty list answer.
    static func profiles(_ answer: SandboxHTTP.Answer) throws -> [String] {
        let list = try answer.json()
        let horses = ((list as? [String: Any])?["data"] as? [[String: Any]]) ?? (list as? [[String: Any]]) ?? []
        return horses.compactMap { $0["profile"] as? String }
    }

    /// The photograph at `url`, checked: a 4032 × 3024 JPEG as heavy as a phone's, answered 304 when unchanged.
    static func photograph(_ url: String, _ http: SandboxHTTP) async throws -> [UInt8] {
        let answer = try await http.send(url)
        #expect(answer.status == 200)
        #expect(answer.headers.first(name: "Content-Type") == "image/jpeg")
        let header = try ImageProcessor(settings: MediaSettings()).inspect(Data(answer.body))
        #expect(header.width == 4032 && header.height == 3024 && header.loader.hasPrefix("jpeg"))
        #expect(answer.body.count > 1_500_000, "\(answer.body.count) bytes is lighter than a phone's photograph")
        let etag = try #require(answer.headers.first(name: "ETag"))
        let again = try await http.send(url, headers: [("If-None-Match", etag)])
        #expect(again.status == 304 && again.body.isEmpty)
        return answer.body
    }

    @Test func fullSizePicturesBecomePhoneSizedPhotographsAndMiniaturesStaySmall() async throws {
        var options = SandboxOptions()
        options.photographs = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in try await Self.checkPhotographs(sandbox, http) }
        }
    }

    static func checkPhotographs(_ sandbox: SandboxServer, _ http: SandboxHTTP) async throws {
        let details = try await http.equicty(sandbox, "/public/web/horses/1201")
        let urls = try Self.pictureURLs(details)
        let photographs = sandbox.mediaBaseURL + "/photographs/"
        // The demo's own files become photographs; its generated pictures stay as they are.
        let converted = urls.pictures.filter { $0.hasPrefix(photographs) }
        #expect(!converted.isEmpty && converted.allSatisfy { $0.hasSuffix(".jpg") && !$0.contains("generated/") }, "\(urls.pictures)")
        #expect(urls.pictures.filter { $0.contains("/generated/") }.allSatisfy { !$0.contains("/photographs/") })
        let profile = urls.profile ?? "", miniature = urls.miniature ?? ""
        #expect(profile.hasPrefix(photographs))
        #expect(!miniature.isEmpty && !miniature.contains("/photographs/"))

        let list = try await http.equicty(sandbox, "/public/web/horses", method: .POST, body: "{}")
        let first = converted.first ?? ""
        let second = try Self.profiles(list).first { $0.hasPrefix(photographs) && $0 != first } ?? ""
        #expect(!first.isEmpty && !second.isEmpty)
        let one = try await Self.photograph(first, http)
        let two = try await Self.photograph(second, http)
        // Each picture is its own photograph (mirroring stores pictures by content).
        #expect(one != two)
        let missing = try await http.send(photographs + "horses/none.jpg")
        #expect(missing.status == 404)
    }

    @Test func withoutTheOptionPicturesAreTheDemoFiles() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions()) { sandbox in
            try await SandboxHTTP.withClient { http in
                let details = try await http.equicty(sandbox, "/public/web/horses/1201")
                let urls = try Self.pictureURLs(details)
                #expect(!urls.pictures.isEmpty && (urls.pictures + [urls.profile ?? ""]).allSatisfy { !$0.contains("/photographs/") })
            }
        }
    }

    /// The first requests for a picture arrive together (a fetch has eight in flight): each gets
    /// the same bytes, or a mirror would see one URL change between two fetches.
    @Test func picturesRequestedAtOnceForTheFirstTimeAreMadeOnce() async throws {
        var options = SandboxOptions()
        options.photographs = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                for path in ["/generated/1000x700.jpg", "/photographs/horses/h01-1.jpg"] {
                    let url = sandbox.mediaBaseURL + path
                    let etags = try await withThrowingTaskGroup(of: String.self) { group in
                        for _ in 0..<8 { group.addTask { try await http.send(url).headers.first(name: "ETag") ?? "" } }
                        return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                    }
                    #expect(etags.count == 1 && etags.first?.isEmpty == false, "\(path): \(etags)")
                }
            }
        }
    }
}
