import Foundation
import PaddockServer
import PaddockTestSupport
import ServiceLifecycle

/// A text site with a webhook server over it, on loopback port 0.
struct WebhookFixture {
    static let secret = "It's a Secret to Everybody"
    let folder: TemporaryFolder
    let builder: TextSiteBuilder
    let gate: BuildGate
    let coordinator: BuildCoordinator
    let server: WebhookServer
    let signer = WebhookSignature(secret: WebhookFixture.secret)
    var lockFile: URL { folder.url.appending(path: ".paddock/build.lock") }

    init(gateOpen: Bool = true, grace: Duration = .seconds(60)) throws {
        folder = try TemporaryFolder()
        try TextSiteBuilder.writeStarterSite(at: folder.url)
        gate = BuildGate(open: gateOpen)
        builder = TextSiteBuilder(root: folder.url, options: .init(gate: gate))
        coordinator = BuildCoordinator(builder: builder, lockFile: folder.url.appending(path: ".paddock/build.lock"), lockPollInterval: .milliseconds(20), logger: quietLogger)
        server = try WebhookServer(configuration: .init(host: "127.0.0.1", port: 0, shutdownGracePeriod: grace), secret: Self.secret, coordinator: coordinator, logger: quietLogger)
    }

    func run(_ body: (_ base: String, _ group: ServiceGroup) async throws -> Void) async throws {
        defer { folder.remove() }
        try await withRunningGroup({ server.serviceGroup(gracefulShutdownSignals: [], onListening: $0) }) { port, group in
            try await body("http://127.0.0.1:\(port)", group)
        }
    }

    /// POSTs a correctly signed trigger.
    func trigger(_ base: String, body: String = #"{"ref":"main"}"#) async throws -> TestResponse {
        let bytes = Array(body.utf8)
        return try await http(.POST, base + "/hooks/build", headers: [("X-Paddock-Signature", signer.sign(bytes))], body: bytes)
    }

    /// Reads `GET /builds/{id}` as JSON.
    func status(_ base: String, _ id: Int) async throws -> [String: Any] {
        let response = try await http(.GET, base + "/builds/\(id)")
        guard response.status == 200, let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any] else {
            throw TestFailure("GET /builds/\(id) answered \(response.status): \(response.body)")
        }
        return object
    }

    func state(_ base: String, _ id: Int) async throws -> String {
        try await status(base, id)["state"] as? String ?? "?"
    }
}
