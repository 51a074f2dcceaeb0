// swift-tools-version:6.0
// The libFuzzer targets, kept in their own package so `swift build` and `swift test`
// of indstil never compile them. Build with Fuzz/build.sh (or `make fuzz`).
import PackageDescription

let package = Package(
    name: "IndstilFuzz",
    dependencies: [.package(name: "indstil", path: "..")],
    targets: [
        .executableTarget(name: "FuzzDocument", dependencies: [.product(name: "IndstilFuzzHarness", package: "indstil")]),
        .executableTarget(name: "FuzzBundleManifest", dependencies: [.product(name: "IndstilFuzzHarness", package: "indstil")]),
    ]
)
