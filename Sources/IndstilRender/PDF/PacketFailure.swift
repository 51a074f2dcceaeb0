import Foundation
import IndstilSupport
import IndstilDocument

/// Why a packet (betænkning bundle, agenda …) could not be written: the step that
/// failed, the file it failed on, and the sentence for the user in Danish and English,
/// which is what the CLI prints (`indstilError`). Nothing is left half-written when one is thrown: the site
/// is swapped in and the PDF renamed into place only at the very end.
public struct PacketFailure: Error, CustomStringConvertible, Sendable, IndstilErrorConvertible {
    public enum Step: String, Sendable {
        /// Checking that the output folder may be replaced, and swapping the new site in.
        case output
        /// Deciding names, order and links (an attachment that cannot be read, a dead link).
        case planning
        /// Reading the shipped stylesheet.
        case stylesheet
        /// Writing a page, or the work folder's intermediate files.
        case writing
        /// Copying an attachment into the site or the work folder.
        case copying
        /// Turning office attachments into PDF (LibreOffice, qpdf).
        case converting
        /// Measuring a PDF attachment (qpdf, pdfinfo).
        case inspecting
        /// Stamping the pages of PDF attachments.
        case stamping
        /// Setting HTML as PDF with WeasyPrint.
        case setting
        /// Merging PDF attachments in and hanging their bookmarks (qpdf).
        case merging
    }

    public let step: Step
    /// The file or folder the step failed on, when there is one.
    public let file: URL?
    public let message: Message

    package init(_ step: Step, _ message: Message, file: URL? = nil) {
        self.step = step
        self.file = file
        self.message = message
    }

    package init(_ step: Step, da: String, en: String, file: URL? = nil) {
        self.init(step, Message(da: da, en: en), file: file)
    }

    public var indstilError: IndstilError { IndstilError(message) }

    /// The Danish message.
    public var description: String { message.da }
}
