import Foundation
import Hummingbird
import IndstilCore

/// `indstil serve`: the browser workspace over one project. Binds (a busy port is replaced
/// by a free one), says its address, and runs until the process ends. Ctrl-C is the CLI's
/// own interruption handling (no signal handler here): it stops child programs, removes
/// temporary files (built packet sites included) and ends indstil.
public final class WorkspaceServer: Sendable {
    public let settings: ServerSettings
    public let workspace: Workspace
    /// The project root (the nearest indstil.yml upward from the folder, else the folder).
    public let root: URL

    public init(settings: ServerSettings) throws(Configuration.Invalid) {
        self.settings = settings
        let folder = settings.folder.standardizedFileURL
        workspace = try Workspace.discover(from: folder)
        root = ProjectRoot.find(from: folder) ?? folder
    }

    /// What the server says when it starts.
    public struct Start: Sendable {
        public let identity: ServerIdentity
        /// The port asked for, when it was busy and another was taken.
        public let busyPort: Int?
    }

    /// Runs until the task is cancelled or the process ends; `started` is called once the
    /// server listens. `Start.identity.startAddress` is what the user opens (once).
    public func run(started: @escaping @Sendable (Start) -> Void) async throws {
        let isBusy = settings.port != 0 && !PortProbe.isFree(host: settings.host, port: settings.port)
        let port = isBusy ? 0 : settings.port
        let busyPort: Int? = isBusy ? settings.port : nil
        let token = ServerIdentity.newToken()
        let access = WorkspaceAccess(token: token)
        let holder = Locked<ServerIdentity?>(nil)
        let packets = PacketPreview()
        let builds = PacketBuilds()
        let settings = self.settings, workspace = self.workspace, root = self.root
        let responder = LateResponder(holder: holder) { identity in
            WorkspaceRoutes(workspace: workspace, files: ProjectFiles(root: root), identity: identity, settings: settings, packets: packets,
                            builds: builds, access: access)
        }
        var app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: port), serverName: nil),
            onServerRunning: { channel in
                let identity = ServerIdentity(host: settings.host, port: channel.localAddress?.port ?? port, token: token)
                holder.withLock { $0 = identity }
                started(Start(identity: identity, busyPort: busyPort))
            })
        // Hummingbird's own log lines (start, each connection) are not for the user.
        app.logger.logLevel = .critical
        defer {
            packets.removeAll()
            builds.removeAll()
        }
        try await app.run()
    }
}

/// Builds the routes once the identity is known; answers 503 before that.
struct LateResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    /// The identity is known only once the port is bound (port 0).
    let holder: Locked<ServerIdentity?>
    let make: @Sendable (ServerIdentity) -> WorkspaceRoutes

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let identity = holder.withLock({ $0 }) else {
            return HTTPAnswers.json(.object([("error", .int(503)), ("message", .string("Serveren starter; prøv igen om et øjeblik."))]),
                                    status: .serviceUnavailable)
        }
        return try await make(identity).respond(to: request, context: context)
    }
}
