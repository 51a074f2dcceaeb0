import Foundation
import IndstilFuzzHarness

// libFuzzer entry point: the bytes are a `bundle.yml` next to copies of the example
// chapters; the manifest is loaded and, when it loads, the whole bundle assembled.

/// The repository checkout this fuzzer was built from (…/Fuzz/Sources/FuzzBundleManifest/ → …/).
private let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let workspace: URL = {
    do { return try FuzzHarness.makeWorkspace(examples: checkout.appendingPathComponent("examples")) } catch {
        fatalError("FuzzBundleManifest: cannot create the workspace: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundleManifest(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    _ = FuzzHarness.bundleManifest(data, workspace: workspace)
    return 0
}
