import ArgumentParser
import Foundation
import IndstilCore
import IndstilServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Arbejdsrummet i browseren: skriv, kontrollér og se indstillinger og pakker i projektet.",
        discussion: """
            Skriver startadressen (http://127.0.0.1:PORT/?token=NØGLE) og kører, til den afbrydes med Ctrl-C. \
            Det første besøg med adressen bytter nøglen til en cookie i browseren; derefter kræver hver forespørgsel \
            cookien eller headeren X-Indstil-Token, og startadressen kan ikke bruges igen.
            """)

    @Argument(help: "Projektmappen (standard: den aktuelle mappe; nærmeste indstil.yml opad er projektets rod).")
    var folder: String = "."

    @Option(help: "Porten (0 vælger en ledig; en optaget port erstattes af en ledig).")
    var port: Int = 4000

    @Option(help: "Adressen der lyttes på (standard 127.0.0.1, kun denne maskine; andre kræver --allow-remote).")
    var host: String = "127.0.0.1"

    @Flag(help: "Tillad en --host, som andre maskiner kan nå (arbejdsrummet viser lukkede sager; brug det kun på et betroet net).")
    var allowRemote = false

    @Flag(help: "Åbn arbejdsrummet i browseren.")
    var open = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IndstilError(da: "»\(folder)« er ikke en mappe", en: "\"\(folder)\" is not a folder")
        }
        guard (0...65535).contains(port) else { throw IndstilError(da: "--port skal være mellem 0 og 65535", en: "--port must be between 0 and 65535") }
        let remote = !ServerIdentity.isLoopback(host)
        if remote && !allowRemote {
            throw IndstilError(da: "--host \(host) kan nås fra andre maskiner; arbejdsrummet lytter kun på denne maskine (127.0.0.1), "
                                   + "medmindre du også giver --allow-remote",
                               en: "--host \(host) can be reached from other machines; the workspace listens on this machine only (127.0.0.1) "
                                   + "unless you also give --allow-remote")
        }
        let settings = ServerSettings(folder: URL(fileURLWithPath: folder), host: host, port: port)
        let server = try WorkspaceServer(settings: settings)
        let shouldOpen = open
        let failure = Locked<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { start in
                    if let busy = start.busyPort {
                        Output.progress("Porten \(busy) er optaget; bruger \(start.identity.port) i stedet.")
                    }
                    if remote {
                        Output.progress("ADVARSEL: arbejdsrummet lytter på \(host), som andre maskiner kan nå. Alle med startadressen "
                                        + "kan læse og ændre projektet, også lukkede sager, og forbindelsen er ikke krypteret (http).")
                    }
                    Output.write("indstil serve: \(start.identity.startAddress)\n")
                    Output.progress("Arbejdsrummet for \(server.root.path) kører; stop det med Ctrl-C.")
                    if shouldOpen { BrowserOpener.open(start.identity.startAddress) }
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        done.wait()
        if let failure = failure.withLock({ $0 }) {
            throw IndstilError(da: "arbejdsrummet kunne ikke starte på \(host):\(port): \(failure)",
                               en: "the workspace could not start on \(host):\(port): \(failure)")
        }
    }
}

/// `--open`: the system's way of opening an address (xdg-open, open).
enum BrowserOpener {
    static func open(_ address: String) {
        #if os(macOS)
        let program = "/usr/bin/open"
        #else
        let program = "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            Output.progress("Browseren kunne ikke åbnes (\(program)); åbn \(address) selv.")
        }
    }
}
