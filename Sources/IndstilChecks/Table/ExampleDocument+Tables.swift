import IndstilSupport
import IndstilDocument

extension ExampleDocument {
    /// The clean byrådsindstilling with `body` (a table, usually) as its resources section.
    static func withTable(_ body: String) -> ExampleDocument {
        ExampleDocument.byraad.replacingSection("8. Hvilke", body: "Udgifterne fordeler sig sådan:\n\n" + body)
    }

    /// A clean table of expenses per year, its total row adding up.
    static let cleanExpenseTable = """
        | Udgift (1.000 kr.) | 2027 | 2028 |
        |--------------------|-----:|-----:|
        | Bookingsystem      |  600 |  200 |
        | Nøglebokse         |  250 |    - |
        | I alt              |  850 |  200 |
        """
}
