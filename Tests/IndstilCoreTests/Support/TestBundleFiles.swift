/// Files for test bundles: a clean betaenkning-bilag appendix with its front card.
enum TestBundleFiles {
    static func appendix(title: String, id: String, beslutningstager: String, extra: String) -> String {
        """
        ---
        profil: betaenkning-bilag
        titel: "\(title)"
        beslutningstager: \(beslutningstager)
        id: \(id)
        ---

        # Formål

        Formålet er at give udvalget et overblik over emnet.

        # Opsummering

        1. Udvalgene holder mange møder.
        2. Sagerne er lange.

        # Anbefalinger

        1. Sagerne gøres kortere.

        # Videre forløb

        1. Byrådet drøfter sagen i efteråret.

        # Baggrund

        \(extra)

        """
    }
}
