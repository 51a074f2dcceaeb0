// IndstilCore is the library's front door: the layers below it, re-exported, and the
// workspace's one entry point for checking any input (`Workspace+Checking.swift`), which is
// the only code that needs every layer at once.
//
//   IndstilSupport    files, processes, diagnostics, Danish formats, source text and YAML
//   IndstilDocument   Markdown, tables, Word, profiles, the analysed document and its layout,
//                     packet manifests and the publication evidence they carry
//   IndstilChecks     the rules, their registry, configuration, plugins and reporters
//   IndstilRender     HTML, DOCX and PDF of one document (WeasyPrint, qpdf)
//   IndstilWorkspace  a project: its configuration, profiles and analyses
//   IndstilPackets    bundles, agendas, minutes and the register: sites and PDFs
//
// A layer imports only the layers above it in this list, and the compiler holds it to that.
@_exported import IndstilSupport
@_exported import IndstilDocument
@_exported import IndstilChecks
@_exported import IndstilRender
@_exported import IndstilWorkspace
@_exported import IndstilPackets
