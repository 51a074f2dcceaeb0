import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// What assembling a manifest gave: its packet (a `ResolvedBundle` or `ResolvedAgenda`)
/// and the diagnostics per file, the manifest first. Nothing is published while
/// `hasErrors`.
public struct Assembled<Packet: Sendable>: Sendable {
    public let packet: Packet
    public let reports: [FileReport]

    public var hasErrors: Bool { RunSummary(reports).hasErrors }
}
