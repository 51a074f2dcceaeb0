import Foundation

/// The checkout the tests run from, for fixtures and examples read in place.
public enum TestPackage {
    /// The package root: the nearest folder above this source file holding Package.swift.
    public static let root: URL = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var folder = here
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return here.deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// The shipped `examples/` project.
    public static let examples = root.appendingPathComponent("examples")
}
