// swift-tools-version: 6.0
// Benchmarks, run by hand (see docs/PERFORMANCE.md): `swift run -c release --package-path Benchmarks NAME`.
// A separate package, so the main package gains no dependency.
import PackageDescription

let package = Package(
    name: "paddock-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "paddock", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Paddock's engine against swift-mustache on the same horse pages.
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: [
                .product(name: "PaddockTemplate", package: "paddock"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The site plan and renderer over the default theme: 10,000 horses and 10,000 animals.
        .executableTarget(
            name: "SiteRenderBenchmark",
            dependencies: [
                .product(name: "PaddockSite", package: "paddock"),
                .product(name: "PaddockCatalogue", package: "paddock"),
            ]
        ),
        // The Equicty client against the sandbox with 50 ms latency: measured time vs the latency-bound ideal.
        .executableTarget(
            name: "FetchBenchmark",
            dependencies: [
                .product(name: "PaddockSources", package: "paddock"),
                .product(name: "PaddockSandbox", package: "paddock"),
            ]
        ),
        // The HorseTelex sanitiser over a fetched catalogue's pedigrees, on one core.
        .executableTarget(
            name: "SanitizerBenchmark",
            dependencies: [.product(name: "PaddockSite", package: "paddock")]
        ),
        // The floor for writing a built site: its files rewritten with plain POSIX calls.
        .executableTarget(name: "WriteFloor"),
        // 1,000 signed and unsigned webhook triggers from 50 concurrent clients against a slow build.
        .executableTarget(
            name: "WebhookLoad",
            dependencies: [
                .product(name: "PaddockServer", package: "paddock"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // A whole build (demo catalogue, 10,000 horses + 10,000 animals): full, then no change; time and peak memory.
        .executableTarget(
            name: "BuildBenchmark",
            dependencies: [
                .product(name: "PaddockSite", package: "paddock"),
                .product(name: "PaddockDemo", package: "paddock"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
