import IndstilSupport

/// How closed material says that it is closed, on every page it can be printed from: the
/// running header of every page of a closed packet's PDF, the stamp on every page of its
/// attachments, a banner and `noindex` on every page of its site, and the PDF's subject.
/// A page of closed material that leaves the room still says what it is.
package enum ClosedMarking {
    package static let notice = "LUKKET – må ikke offentliggøres"

    /// The running header on every page of a closed packet's PDF, the cover's included.
    package static let pageCSS = """
    @page {
      @top-left { width: auto; }
      @top-right { content: "\(notice)"; font: 700 8.5pt "Liberation Sans", Arial, sans-serif; color: #8a1c1c;
        white-space: nowrap; vertical-align: bottom; padding-bottom: 4pt; border-bottom: .6pt solid #c8ced6; }
    }
    @page forside { @top-right { content: "\(notice)"; font: 700 8.5pt "Liberation Sans", Arial, sans-serif; color: #8a1c1c;
      white-space: nowrap; vertical-align: bottom; padding-bottom: 4pt; } }
    """

    /// An attachment's stamp in a closed packet: its own line, then the notice.
    package static func stamp(_ stamp: String) -> String { "\(stamp)\n\(notice)" }
}
