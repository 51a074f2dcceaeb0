/// Python that finds WeasyPrint's libraries with one `ldconfig -p` instead of a compiler.
/// Both launchers run it first, before WeasyPrint is imported.
///
/// WeasyPrint opens Pango, GObject, HarfBuzz and Fontconfig through cffi under several names
/// each ("pango-1.0-0", "libpango-1.0-0", …, "libpango-1.0.so.0"). For every name that is not
/// a file, cffi asks `ctypes.util.find_library`, which on Linux runs `ldconfig -p` and, when
/// that does not know the name, `gcc` and `ld` to look for it: in a trace of one agenda build
/// each WeasyPrint ran ldconfig 9 times, gcc and collect2 4 times each and ld 8 times (about
/// 60 ms of its start), while LibreOffice and the checks want the same two cores. Here `find_library` reads `ldconfig -p`
/// once per process and looks the name up as Python itself does first (the same pattern, the
/// same ABI), without the compiler. The libraries loaded are the same files. When there is
/// no `ldconfig` to read, Python's own `find_library` stays.
enum WeasyPrintLibraries {
    static let python = #"""
    def _indstil_find_libraries_once():
        import ctypes.util, os, re, struct, subprocess
        program = "/sbin/ldconfig" if os.path.exists("/sbin/ldconfig") else "/usr/sbin/ldconfig"
        try:
            listing = subprocess.run([program, "-p"], capture_output=True, timeout=30, env={"LC_ALL": "C", "LANG": "C"}).stdout.decode(errors="replace")
        except Exception:
            return
        if not listing:
            return
        machine = os.uname().machine + ("-64" if struct.calcsize("l") == 8 else "-32")
        abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
               "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")
        found = {}
        def find_library(name):
            if name not in found:
                match = re.search(r"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(name), abi), listing)
                found[name] = match.group(1) if match else None
            return found[name]
        ctypes.util.find_library = find_library
    _indstil_find_libraries_once()
    """#
}
