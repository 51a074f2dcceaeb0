import Foundation
import IndstilFuzzHarness

// libFuzzer entry point: the bytes are the contents of a recommendation (`sag.md`).
// Front matter, Markdown, every check, txt/md/html/docx rendering and every report format.

/// The repository checkout this fuzzer was built from (…/Fuzz/Sources/FuzzDocument/ → …/).
private let checkout = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let workspace: URL = {
    do { return try FuzzHarness.makeWorkspace(examples: checkout.appendingPathComponent("examples")) } catch {
        fatalError("FuzzDocument: cannot create the workspace: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    _ = FuzzHarness.document(data, workspace: workspace)
    return 0
}
