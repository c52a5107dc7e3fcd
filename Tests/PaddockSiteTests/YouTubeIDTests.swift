import Foundation
import Testing
@testable import PaddockSite

/// `SafeURL.youTubeID` reads URLs on their bytes; it must agree with a reading through
/// `URLComponents` (the former implementation, kept here as the reference).
@Suite struct YouTubeIDTests {
    static func reference(_ text: String?) -> String? {
        guard let url = SafeURL.web(text), let components = URLComponents(string: url), let host = components.host?.lowercased() else { return nil }
        let path = components.path.split(separator: "/").map(String.init)
        var candidate: String?
        switch host {
        case "youtu.be", "www.youtu.be": candidate = path.first
        case "youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com":
            if path.first == "watch" {
                candidate = components.queryItems?.first(where: { $0.name == "v" })?.value
            } else if path.count >= 2, ["embed", "shorts", "v", "live"].contains(path[0]) {
                candidate = path[1]
            }
        default: return nil
        }
        guard let id = candidate, id.utf8.count == 11,
              id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "-" })
        else { return nil }
        return id
    }

    static let corpus: [String?] = [
        nil, "", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "http://youtube.com/watch?v=dQw4w9WgXcQ&t=42",
        "https://www.youtube.com/watch?t=42&v=dQw4w9WgXcQ#start", "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=3",
        "https://www.youtu.be/dQw4w9WgXcQ/", "https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        "https://youtube.com/shorts/dQw4w9WgXcQ", "https://youtube.com/live/dQw4w9WgXcQ", "https://youtube.com/v/dQw4w9WgXcQ",
        "https://www.youtube.com:443/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXc", "https://www.youtube.com/watch?v=dQw4w9WgXcQQ",
        "https://www.youtube.com/watch?v=dQw4w9Wg\"cQ", "https://www.youtube.com/watch?v=\"><script>", "https://www.youtube.com/watch",
        "https://www.youtube.com/watch?v", "https://www.youtube.com/watch?vv=dQw4w9WgXcQ", "https://www.youtube.com//watch?v=dQw4w9WgXcQ",
        "https://evil.example/watch?v=dQw4w9WgXcQ", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "javascript:alert(1)",
        "https://www.youtube.com/embed/", "https://www.youtube.com/embed/dQw4w9WgXcQ/extra", "https://youtu.be/",
        "https://vimeo.com/123456", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=aaaaaaaaaaa", "https://www.youtube.com/channel/UCxyz",
    ]

    @Test func theByteReadingAgreesWithURLComponents() {
        for url in Self.corpus {
            #expect(SafeURL.youTubeID(url) == Self.reference(url), "\(url ?? "nil")")
        }
        #expect(SafeURL.youTubeID("https://www.youtube.com/watch?v=dQw4w9WgXcQ") == "dQw4w9WgXcQ")
        #expect(SafeURL.youTubeID("https://youtu.be/dQw4w9WgXcQ") == "dQw4w9WgXcQ")
    }
}
