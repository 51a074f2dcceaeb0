import IndstilSupport
import IndstilDocument

extension ExampleDocument {
    /// A clean budget catalogue (profile aarhus-budgetkatalog): an overview and two theme sheets.
    public static var budgetkatalog: ExampleDocument {
        ExampleDocument(
            profile: "aarhus-budgetkatalog",
            frontMatter: [
                "profil: aarhus-budgetkatalog",
                "titel: \"Administrative spareforslag 2027\"",
            ],
            sections: [
                ("Oversigt", """
                    | Tema (1.000 kr.)             | 2028  |
                    |------------------------------|------:|
                    | 1. Færre planer {= tema-1}   | 2.400 |
                    | 2. Fælles indkøb {= tema-2}  |   600 |
                    | I alt                        | 3.000 |
                    """),
                ("Tema 1: Færre planer", """
                    ## Beskrivelse af opgaven

                    Udløbne planer udgår.

                    ## Identificeret potentiale

                    ```tabel
                    id: tema-1
                    enhed: 1.000 kr.

                    | Forslag                    | 2028  |
                    |----------------------------|------:|
                    | Færre planer               | 2.400 |
                    | Anslået samlet besparelse  | 2.400 |
                    ```

                    ## Fordeling på afdeling

                    Efter antallet af planer.
                    """),
                ("Tema 2: Fælles indkøb", """
                    ## Beskrivelse af opgaven

                    Tryk købes samlet.

                    ## Identificeret potentiale

                    ```tabel
                    id: tema-2
                    enhed: 1.000 kr.

                    | Forslag                    | 2028 |
                    |----------------------------|-----:|
                    | Rammeaftale om tryk        |  600 |
                    | Anslået samlet besparelse  |  600 |
                    ```

                    ## Fordeling på afdeling

                    | Afdeling (mio. kr.) | Andel  | 2028 |
                    |---------------------|-------:|-----:|
                    | ADM                 |  50,0% | 0,30 |
                    | BØR                 |  50,0% | 0,30 |
                    | I alt               | 100,0% | 0,60 |
                    """),
            ],
            files: [:])
    }
}
