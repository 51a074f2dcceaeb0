import IndstilCore

/// What `indstil --version` says: the version and, when the build knows it, the commit.
///
/// `make build` writes `BuildStamp+Commit.swift` (ignored by git) from `git describe` and
/// compiles with `-DINDSTIL_BUILD_STAMP`; a plain `swift build` uses the fallback below.
enum BuildStamp {
    static var versionLine: String {
        guard let commit, !commit.isEmpty else { return IndstilVersion.current }
        return "\(IndstilVersion.current) (commit \(commit))"
    }
}

#if !INDSTIL_BUILD_STAMP
extension BuildStamp {
    static let commit: String? = nil
}
#endif
