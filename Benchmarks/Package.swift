// swift-tools-version: 6.0
// Benchmarks for Paddock, run by hand (see docs/PERFORMANCE.md); not part of `swift test`.
import PackageDescription

let package = Package(
    name: "PaddockBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "paddock", path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // 1,000 signed and unsigned webhook triggers from 50 concurrent clients against a slow build.
        .executableTarget(
            name: "WebhookLoad",
            dependencies: [
                .product(name: "PaddockServer", package: "paddock"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
