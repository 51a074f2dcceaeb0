import Foundation
import IndstilSupport

/// The files a packet is made from, which its outputs may never overwrite (`OutputCollision`).
extension ResolvedBundle {
    /// Every file the bundle is made from: the manifest, the chapter intros and the appendices.
    public var inputFiles: [URL] {
        [manifest.url] + chapters.compactMap(\.introSource) + appendices.map(\.source)
    }
}

extension ResolvedAgenda {
    /// Every file the agenda's packets are made from: the manifest, the indstillinger and the appendices.
    public var inputFiles: [URL] {
        [manifest.url] + appendices.map(\.source)
    }
}
