import Foundation

/// What `indstil serve` was asked for: the project folder, the address to listen on and
/// the limits every request is held to.
public struct ServerSettings: Sendable {
    /// The folder named on the command line (the project root rule finds the project).
    public var folder: URL
    /// The address to bind; 127.0.0.1 unless `--host` says otherwise.
    public var host: String
    /// The port asked for; 0 lets the system choose a free one.
    public var port: Int
    /// The largest request body accepted (a document and its JSON wrapping).
    public var maximumBodyBytes: Int

    public init(folder: URL, host: String = "127.0.0.1", port: Int = 4000, maximumBodyBytes: Int = 2 << 20) {
        self.folder = folder
        self.host = host
        self.port = port
        self.maximumBodyBytes = maximumBodyBytes
    }
}
