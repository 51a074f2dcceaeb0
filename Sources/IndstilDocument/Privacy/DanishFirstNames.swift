import IndstilSupport

/// Common Danish first names, lower-cased: the first word of a person's name.
///
/// Source: the most frequent first names of women and men living in Denmark, from Danmarks
/// Statistik's name statistics (»Navne i hele befolkningen«, statistikbanken.dk/NAVN), the top
/// of each list, plus the common short forms. Names that are also ordinary Danish words
/// written with a capital at the start of a sentence ("Per", "Bo", "Mark", "Storm", "Sol",
/// "Alle") are left out, so a sentence's first word is not taken for a person.
enum DanishFirstNames {
    package static let all: Set<String> = [
        // Women
        "anne", "kirsten", "mette", "hanne", "helle", "anna", "susanne", "lene", "maria", "marianne",
        "lone", "camilla", "pia", "louise", "charlotte", "tina", "gitte", "bente", "jette", "karen",
        "inge", "rikke", "julie", "ida", "emma", "sofie", "laura", "mia", "katrine", "christina",
        "line", "maja", "caroline", "cecilie", "birgit", "birgitte", "dorthe", "jytte", "lisbeth", "heidi",
        "ulla", "ellen", "else", "ruth", "hanna", "kristina", "stine", "trine", "malene", "nanna",
        "mathilde", "freja", "clara", "alma", "ella", "karla", "agnes", "josefine", "sara", "sarah",
        "signe", "amalie", "emilie", "marie", "lise", "vibeke", "annette", "merete", "tove", "grethe",
        "inger", "kamilla", "janne", "pernille", "sanne", "tanja", "maiken", "mona", "lotte", "connie",
        "eva", "ingrid", "astrid", "frida", "olivia", "isabella", "victoria", "nora", "liv", "esther",
        "asta", "thea", "ellie", "lea", "naja", "nadia", "fatima", "aisha", "ayse", "zeynep",
        "bodil", "edith", "erna", "gerda", "kirstine", "margrethe", "ane", "dagmar", "kathrine", "tenna",
        // Men
        "peter", "jens", "lars", "michael", "henrik", "thomas", "søren", "jan", "niels", "christian",
        "martin", "jørgen", "hans", "anders", "morten", "jesper", "ole", "mads", "rasmus",
        "kim", "mikkel", "john", "frederik", "erik", "poul", "torben", "kenneth", "steen", "klaus",
        "carsten", "flemming", "lasse", "jakob", "jacob", "claus", "brian", "tobias", "kasper", "jonas",
        "allan", "simon", "bent", "frank", "daniel", "nikolaj", "kristian", "emil", "oliver", "william",
        "lucas", "noah", "oscar", "victor", "magnus", "alexander", "sebastian", "philip", "johan", "carl",
        "karl", "aksel", "alfred", "arthur", "valdemar", "august", "malthe", "elias", "felix", "anton",
        "benjamin", "jeppe", "troels", "ulrik", "uffe", "bjarne", "finn", "knud", "svend", "preben",
        "leif", "kurt", "arne", "gert", "ib", "ivan", "jimmy", "dennis", "rene", "rené",
        "mogens", "henning", "erling", "tage", "viggo", "holger", "ebbe", "esben", "asger", "gustav",
        "mohammed", "mohamed", "ali", "ahmed", "omar", "hassan", "mustafa", "ibrahim", "yusuf", "mehmet",
        "ole-martin", "hans-henrik", "jens-peter", "karl-erik", "anne-marie", "marie-louise", "ann-sofie",
    ]
}
