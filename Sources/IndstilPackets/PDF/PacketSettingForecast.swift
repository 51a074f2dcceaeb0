import Foundation
import IndstilSupport

/// Whether a packet's next build is likely to need WeasyPrint: it did last time (an item was
/// being edited), or there was no last time. Then WeasyPrint is started ahead of time
/// (`WeasyPrintSession`) and has imported itself when the pages are ready; a packet rebuilt
/// unchanged, taken from the cache, starts nothing. A wrong forecast costs time, never a
/// different PDF. Kept in the `ContentCache` by the target's path and the variant.
/// A target in the temporary folder (the workspace builds into a new one each time) is not
/// remembered: it will not be built again.
enum PacketSettingForecast {
    static func likely(_ target: URL, archive: Bool) -> Bool {
        guard let cache = ContentCache.shared, !isTemporary(target) else { return true }
        return cache.recall(key(target, archive: archive)) ?? true
    }

    static func remember(_ target: URL, archive: Bool, setting: Bool) {
        guard !isTemporary(target) else { return }
        ContentCache.shared?.remember(key(target, archive: archive), setting)
    }

    static func isTemporary(_ target: URL) -> Bool {
        let temporary = FileManager.default.temporaryDirectory.standardizedFileURL.path
        return target.standardizedFileURL.path.hasPrefix(temporary.hasSuffix("/") ? temporary : temporary + "/")
    }

    static func key(_ target: URL, archive: Bool) -> ContentCache.Key {
        var key = ContentCache.Key("packet setting forecast 1")
        key.add(target.standardizedFileURL.path)
        key.add(archive ? "archive" : "tagged")
        return key
    }
}
