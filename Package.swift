// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "paddock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "paddock", targets: ["paddock"]),
        .library(name: "PaddockTemplate", targets: ["PaddockTemplate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The Mustache engine: standard library and Foundation only.
        .target(name: "PaddockTemplate"),
        // The domain model and its lenient decoding.
        .target(name: "PaddockCatalogue"),
        // Clients of the remote services, the HTTP layer, OAuth and the response cache.
        .target(
            name: "PaddockSources",
            dependencies: [
                "PaddockCatalogue", "PaddockPublish",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Publishing a built site: staging, the atomic swap, the build lock. Knows nothing of animals.
        .target(
            name: "PaddockPublish",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libvips from the system (Debian: libvips-dev), and the C shim over its variadic calls.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        // Pictures: safe decoding with limits, variants in AVIF, WebP and JPEG, placeholders,
        // on threads of their own (libvips through CVipsShim).
        .target(name: "PaddockMedia", dependencies: ["CVipsShim"]),
        // The HTML layer: libxml2 wrapper, the HorseTelex sanitiser, escaping, the strict page
        // scanner, CSS selectors, and the attribution check.
        .target(
            name: "PaddockHTML",
            dependencies: [
                "CLibXML2", "PaddockPublish",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The site's memory across builds: items first and last seen, prices, statuses, every URL
        // published (SQLite through GRDB, Debian: libsqlite3-dev). Knows nothing of pages.
        .target(name: "PaddockHistory", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        // Config, site plan, pages, the build.
        .target(
            name: "PaddockSite",
            dependencies: [
                "PaddockTemplate", "PaddockCatalogue", "PaddockSources", "PaddockPublish", "PaddockHTML", "PaddockMedia", "PaddockHistory",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Both remote APIs served on loopback from bundled demo data, with fault injection.
        .target(
            name: "PaddockSandbox",
            dependencies: [
                "PaddockCatalogue", "PaddockMedia",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("DemoData")]
        ),
        // Preview server with live reload, webhook server, build queue.
        .target(
            name: "PaddockServer",
            dependencies: [
                "PaddockSite", "PaddockPublish", "PaddockHTML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The bundled demo data as a site's catalogue (the embedded default).
        .target(name: "PaddockDemo", dependencies: ["PaddockSite", "PaddockSources", "PaddockSandbox", "PaddockMedia"]),
        .executableTarget(
            name: "paddock",
            dependencies: [
                "PaddockTemplate", "PaddockCatalogue", "PaddockSources", "PaddockSite",
                "PaddockSandbox", "PaddockServer", "PaddockDemo", "PaddockMedia",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What the tests share and the product never ships: temporary folders, child processes
        // with deadlines, a small site builder the server tests can hold and count.
        .target(
            name: "PaddockTestSupport",
            dependencies: ["PaddockServer", "PaddockPublish", "PaddockSite", "PaddockDemo", .product(name: "Logging", package: "swift-log")],
            path: "Tests/PaddockTestSupport"
        ),
        .testTarget(name: "PaddockTemplateTests", dependencies: ["PaddockTemplate", "PaddockTestSupport"], resources: [.copy("Spec")]),
        .testTarget(name: "PaddockCatalogueTests", dependencies: ["PaddockCatalogue"]),
        .testTarget(name: "PaddockMediaTests", dependencies: ["PaddockMedia", "CVipsShim"]),
        // Runs the built `paddock` binary as a user would.
        .testTarget(
            name: "PaddockCLITests",
            dependencies: ["paddock", "PaddockSandbox", "PaddockTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "PaddockSourcesTests",
            dependencies: [
                "PaddockSources", "PaddockSandbox", "PaddockCatalogue", "PaddockTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "PaddockSandboxTests",
            dependencies: [
                "PaddockSandbox", "PaddockMedia",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "PaddockSiteTests",
            dependencies: [
                "PaddockSite", "PaddockPublish", "PaddockHTML", "CLibXML2", "PaddockSandbox", "PaddockTemplate",
                "PaddockPublishProbe", "PaddockDemo", "PaddockTestSupport", "PaddockMedia", "PaddockHistory",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Test helper: publishes from a separate process that the tests kill with SIGKILL.
        .executableTarget(
            name: "PaddockPublishProbe",
            dependencies: ["PaddockSite", "PaddockPublish", "PaddockHTML", .product(name: "Logging", package: "swift-log")],
            path: "Tests/PaddockPublishProbe"
        ),
        .testTarget(
            name: "PaddockServerTests",
            dependencies: [
                "PaddockServer", "PaddockSite", "PaddockTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks, run by hand (docs/PERFORMANCE.md), only when PADDOCK_BENCHMARKS is set, so that a
// normal build, test run or CI resolves no extra dependency and builds none of them:
//   PADDOCK_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product NAME
// They live in this package so that they can use `package` declarations.
if Context.environment["PADDOCK_BENCHMARKS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"))
    package.targets += [
        // Paddock's engine against swift-mustache on the same horse pages.
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: ["PaddockTemplate", .product(name: "Mustache", package: "swift-mustache")],
            path: "Benchmarks/Sources/TemplateBenchmark"
        ),
        // The site plan and renderer over the default theme: 10,000 horses and 10,000 animals.
        .executableTarget(
            name: "SiteRenderBenchmark",
            dependencies: ["PaddockSite", "PaddockPublish", "PaddockCatalogue"],
            path: "Benchmarks/Sources/SiteRenderBenchmark"
        ),
        // The Equicty client against the sandbox with 50 ms latency: measured time vs the latency-bound ideal.
        .executableTarget(
            name: "FetchBenchmark",
            dependencies: ["PaddockSources", "PaddockSandbox", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/Sources/FetchBenchmark"
        ),
        // The HorseTelex sanitiser over a fetched catalogue's pedigrees, on one core.
        .executableTarget(
            name: "SanitizerBenchmark",
            dependencies: ["PaddockHTML"],
            path: "Benchmarks/Sources/SanitizerBenchmark"
        ),
        // The floor for writing a built site: its files rewritten with plain POSIX calls.
        .executableTarget(name: "WriteFloor", path: "Benchmarks/Sources/WriteFloor"),
        // 1,000 signed and unsigned webhook triggers from 50 concurrent clients during real builds.
        .executableTarget(
            name: "WebhookLoad",
            dependencies: [
                "PaddockServer", "PaddockSite", "PaddockDemo",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/Sources/WebhookLoad"
        ),
        // Pictures: a folder of photographs into every width and format (scripts/bench-images).
        .executableTarget(name: "ImageBenchmark", dependencies: ["PaddockMedia"], path: "Benchmarks/Sources/ImageBenchmark"),
        // A whole build (demo catalogue, 10,000 horses + 10,000 animals): full, then no change; time and peak memory.
        .executableTarget(
            name: "BuildBenchmark",
            dependencies: ["PaddockSite", "PaddockDemo", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/Sources/BuildBenchmark"
        ),
    ]
}
