import Foundation
import PaddockCatalogue
import PaddockTestSupport
import Testing
@testable import PaddockSite

/// The site's `redirects.map` served by a real nginx on loopback (Debian's nginx-light; skipped
/// without it): an old address answers 301 with the new one, as docs/history.md sets it up.
@Suite struct NginxRedirectTests {
    static let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let curl = ["/usr/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `status location` of a GET, not following redirects.
    static func head(_ url: String) throws -> String {
        try ChildProcess.run(URL(filePath: curl!), ["-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", url],
                             timeout: .seconds(30)).stdoutText
    }

    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(socket, $0, length) == 0, getsockname(socket, $0, &length) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test(.enabled(if: nginx != nil && curl != nil, "needs nginx (Debian nginx-light) and curl"))
    func nginxAnswersOldAddressesWith301FromTheRedirectMap() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var config = site.config()
        config.lifecycle.keepFirstURL = false
        let first = TestSite.catalogues()
        try await HistoryBuildTests.build(config, first, at: HistoryBuildTests.day(0))
        let renamed = HistoryBuildTests.edit(first) { catalogue in
            catalogue.horses = catalogue.horses.compactMap { horse in
                var horse = horse
                if horse.id == "103" { horse.name = "Caesar" }
                return horse.id == "102" ? nil : horse
            }
        }
        try await HistoryBuildTests.build(config, renamed, at: HistoryBuildTests.day(1))

        let port = try Self.freePort()
        let public_ = config.outputFolder.path
        let prefix = site.root.appending(path: "nginx")
        try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
        let conf = prefix.appending(path: "nginx.conf")
        try Data("""
        daemon off;
        master_process off;
        pid nginx.pid;
        error_log stderr;
        events {}
        http {
            access_log off;
            map $uri $paddock_redirect {
                default "";
                include \(public_)/redirects.map;
            }
            server {
                listen 127.0.0.1:\(port);
                root \(public_);
                if ($paddock_redirect) { return 301 $paddock_redirect; }
            }
        }
        """.utf8).write(to: conf)
        let server = try ChildProcess(URL(filePath: Self.nginx!), ["-p", prefix.path, "-e", "stderr", "-c", conf.path])
        defer { server.signal(SIGKILL) }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<200 where !ready {
            ready = (try? Self.head(base + "/en/")).map { $0.hasPrefix("200") } ?? false
            if !ready { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(ready, "nginx did not start")
        #expect(try Self.head(base + "/en/horses/cesar/") == "301 \(base)/en/horses/caesar/")
        #expect(try Self.head(base + "/en/horses/cesar/index.html") == "301 \(base)/en/horses/caesar/")
        #expect(try Self.head(base + "/de/horses/studbook/holsteiner/") == "301 \(base)/de/horses/")
        #expect(try Self.head(base + "/en/horses/caesar/").hasPrefix("200"))
        #expect(try Self.head(base + "/en/horses/bella/").hasPrefix("200"), "a sold page answers itself")
    }
}
