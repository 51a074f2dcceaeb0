// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "indstil",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "IndstilCore", targets: ["IndstilCore"]),
        // For the libFuzzer package in Fuzz/ only.
        .library(name: "IndstilFuzzHarness", targets: ["IndstilFuzzHarness"]),
        .executable(name: "indstil", targets: ["indstil"]),
        .plugin(name: "IndstilCheckPlugin", targets: ["IndstilCheckPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // CommonMark 0.30 from Debian's libcmark-dev (never libcmark-gfm: same symbols).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Danish spelling from Debian's libhunspell-dev (the dictionary: hunspell-da).
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]
        ),
        // Starting programs so that they die with indstil (fork, PR_SET_PDEATHSIG, exec) and
        // adopting their orphans (PR_SET_CHILD_SUBREAPER): what Swift cannot call itself.
        .target(name: "CIndstilProcess"),
        // The library, in layers: each target imports only the ones before it (see
        // Sources/IndstilCore/IndstilCore.swift), so a wrong-way dependency does not compile.
        .target(
            name: "IndstilSupport",
            dependencies: ["CIndstilProcess", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "IndstilDocument",
            dependencies: [
                "IndstilSupport", "CCmark",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "IndstilChecks", dependencies: ["IndstilSupport", "IndstilDocument", "CHunspell"]),
        .target(
            name: "IndstilRender",
            dependencies: [
                "IndstilSupport", "IndstilDocument",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "IndstilWorkspace", dependencies: ["IndstilSupport", "IndstilDocument", "IndstilChecks"]),
        .target(
            name: "IndstilPackets",
            dependencies: ["IndstilSupport", "IndstilDocument", "IndstilChecks", "IndstilRender", "IndstilWorkspace"]
        ),
        // The façade the CLI, the server and other packages import.
        .target(
            name: "IndstilCore",
            dependencies: ["IndstilSupport", "IndstilDocument", "IndstilChecks", "IndstilRender", "IndstilWorkspace", "IndstilPackets"]
        ),
        // The code paths the fuzz targets in Fuzz/ and the fuzz regression tests drive.
        .target(name: "IndstilFuzzHarness", dependencies: ["IndstilCore"]),
        // `indstil serve`: the case officer's workspace in the browser (HTTP server over the core).
        .target(
            name: "IndstilServer",
            dependencies: ["IndstilCore", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "indstil",
            dependencies: [
                "IndstilCore",
                "IndstilServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift package indstil-check`: indstil check for any Swift repository that depends on this package.
        .plugin(
            name: "IndstilCheckPlugin",
            capability: .command(
                intent: .custom(verb: "indstil-check", description: "Kontrollér indstillinger (Markdown) med indstil check"),
                permissions: []
            ),
            dependencies: ["indstil"]
        ),
        // What both test targets share: one way to run a program, one temporary folder, the checkout.
        .target(name: "IndstilTestSupport", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/IndstilTestSupport"),
        // Yams only to compare YAMLValueDecoder with Yams' own decoder (YAMLValueDecoderTests).
        .testTarget(name: "IndstilCoreTests", dependencies: ["IndstilCore", "IndstilFuzzHarness", "IndstilTestSupport",
                                                             .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "IndstilCLITests", dependencies: ["IndstilCore", "IndstilTestSupport"]),
    ]
)
