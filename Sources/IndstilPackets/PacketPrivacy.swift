import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Whether a packet is closed: an agenda's or minutes' packet for the members (every item
/// and appendix). Its outputs are its owner's only (folders 0700, files 0600: `OutputStaging`);
/// a public packet's follow the umask.
extension Packet {
    var isClosed: Bool {
        switch self {
        case let agenda as AgendaPacket: agenda.audience == .lukket
        case let minutes as MinutesPacket: minutes.audience == .lukket
        default: false
        }
    }
}
