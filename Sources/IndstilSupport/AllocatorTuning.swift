import CIndstilProcess

/// How the indstil program sets up the C allocator (its `main` calls this once).
public enum AllocatorTuning {
    /// glibc's fast bins make freeing a deep Markdown tree (cmark's nodes, one per
    /// emphasis) spend most of its time in malloc_consolidate: without them `render --to md`
    /// of 1 MB of nested emphasis takes 0.55 s of CPU instead of 1.07 s, and `check` over the
    /// bench corpus is no slower (measured with GLIBC_TUNABLES=glibc.malloc.mxfast=0).
    public static func apply() {
        _ = indstil_disable_malloc_fast_bins()
    }
}
