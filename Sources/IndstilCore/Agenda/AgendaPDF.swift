import Foundation

public enum AgendaPDF {
    public static func write(_ packet: AgendaPacket, to file: URL, progress: @Sendable (String) -> Void) throws {
        throw BundlePDF.Failure("todo")
    }
}
