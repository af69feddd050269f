/// The word lists the entity extractor and the period resolver consult.
///
/// The lists are deliberately compact: given names common in news text across languages, the titles
/// and role words that announce a person, the cue words that end an organization's name, and a small
/// list of places and nationalities that must never be taken for people.
enum EntityLexicon {
    /// Splits a space-separated list into a set.
    private static func words(_ list: String) -> WordSet {
        WordSet(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    /// Given names, lower-cased.
    static let firstNames: WordSet = words(
        """
        aaron abdul abdullah abraham adam adolf adrian ahmed ahmad akira alain alan alberto albert alexander
        alexandre alexei alfred alfonso ali alice allan allen alvaro amos ana anatoly andre andreas andrei andrew
        andres andy angela angelo ann anna anne anthony antonio anwar ariel arnold arthur arturo augusto barbara
        barry bart ben benazir benjamin benigno bernard bernardo betty bill billy bob bobby boris brian bruce bruno
        carl carla carlo carlos carol caroline catherine cesar charles charlotte chris christian christine
        christopher chuck claude claudio clifford colin corazon craig dan daniel danny david dean deborah deng
        dennis derek diana diane dick diego dieter dmitri dolores dominique don donald doris douglas duncan earl
        eduard eduardo edward edwin elena elizabeth ellen emilio emmanuel enrique eric erich ernest ernesto ethel
        eugene evelyn fernando fidel francesco francis francisco franco francois frank franz fred frederick
        friedrich gabriel gary gene geoffrey george georges gerald gerhard gianni giovanni giulio giuseppe glenn
        gordon graham greg gregory guillermo gustavo guy hans harold harry hassan heinrich heinz helen helmut
        henri henry herbert herman hideo hiroshi horst howard hugh hugo hussein ian ibrahim igor ilya isaac ivan
        jack jacques jaime james jan jane janet jean jeff jeffrey jennifer jerry jim jimmy joan joao joachim joe
        johann johannes john jon jorge jose josef joseph juan judith julia julian julio justin kaoru karl kate
        katherine keith ken kenneth kevin khalid kim klaus kofi kurt larry laura lawrence lech lee leon leonard
        leonid lewis linda lloyd lorenzo louis luc lucas luis luiz lynn malcolm manuel marc marcel marcos margaret
        maria mario mark marshall martha martin mary masaru matthew maurice max michael michel miguel mikhail
        mohamed mohammad mohammed monica muammar nancy nelson neil nicholas nick nicolas nigel noel norman olaf
        oliver omar oscar otto pablo patricia patrick paul paula pedro peter philip philippe pierre rafael
        ralph ramon ray raymond raul reginald ricardo richard rita robert roberto robin rodolfo roger roland
        ronald rosa roy rudolf rudolph russell ruth ryutaro sam samuel sandra sarah saddam sergei sergio
        sheila simon stanley stefan stephen steve steven stuart susan takeshi tom thomas timothy tony toshio
        vaclav valery victor viktor vincent vladimir walter warren wayne werner wilhelm william willy wolfgang
        yasuhiro yasser yitzhak yoshio yuri zbigniew
        """
    )

    /// Titles written before a name, lower-cased and without their final period.
    static let titles: WordSet = words(
        """
        mr mrs ms miss dr prof professor president minister ambassador secretary senator sen rep representative
        gov governor gen premier chancellor king queen prince princess judge justice chairman chairwoman
        chairperson spokesman spokeswoman spokesperson director commissioner leader pope sheikh ayatollah col
        colonel lt lieutenant capt captain maj major adm admiral rev reverend father sir lord lady mayor
        chief deputy vice sergeant sgt comrade cardinal bishop archbishop
        """
    )

    /// Role words written in lower case before a name (`spokesman Nicholas Burns`).
    static let roleWords: WordSet = words(
        """
        spokesman spokeswoman spokesperson president minister ambassador secretary chairman chairwoman director
        governor leader analyst economist official envoy negotiator diplomat dealer trader commissioner premier
        senator general
        """
    )

    /// Words that end (or, with `of`, begin) an organization's name.
    static let organizationCues: WordSet = words(
        """
        department ministry party movement bank banks bancorp corp corporation inc incorporated ltd limited co
        company plc ag gmbh association union council committee commission front army forces force navy news
        agency university college institute foundation federation confederation organization organisation fund
        board group holdings industries trust exchange service services office bureau church league alliance
        coalition companies congress assembly court tribunal brigade brigades guard police society network airlines airways
        motors reserve community secretariat cooperative partners brothers securities times post journal
        """
    )

    /// Organization cues that may stand first, followed by `of` and a name (`Bank of Japan`).
    static let leadingOrganizationCues: WordSet = words(
        """
        bank ministry department university institute organization organisation association council committee
        commission federation confederation union league church court office bureau
        """
    )

    /// Company suffixes, after which `and` starts another name (`Standard Oil Co and BP`).
    static let companySuffixes: WordSet = words("co inc corp ltd plc corporation company limited ag gmbh bancorp")

    /// Words before a given name that make it part of a place name (`St. Louis`, `San Jose`).
    static let placePrefixes: WordSet = words("st saint san santa fort port lake mount mt sao")

    /// Words that open a capitalised run without belonging to a name, lower-cased.
    static let stopWords: WordSet = words(
        """
        the a an and or but if when while after before as both some this that these those its his her their our
        my your yesterday today tomorrow meanwhile however also earlier later last next under over with without
        from by for of to in on at since although though despite copyright according shortly immediately many
        most several all other another only even still he she it they we i you there here what who whom which
        why how where then thus so such no not yes every each any among between during through until unless
        because whether against toward towards into onto upon about above below near like unlike instead
        nevertheless nonetheless furthermore moreover indeed perhaps please dear hello thanks thank asked said
        says told old sources source analysts officials
        """
    )

    /// Lower-case connectors that may sit inside a capitalised run (`Bank of Japan`, `Charles de Gaulle`).
    static let connectors: WordSet = words(
        "of for de del della di da do dos das van von der den la le du bin ibn al el y and &")

    /// Particles that may sit inside a person's name.
    static let nameParticles: WordSet = words("de del della di da dos das van von der den la le du bin ibn al el y")

    /// Abbreviations whose period does not end a sentence, lower-cased without the period.
    static let abbreviations: WordSet = words(
        """
        mr mrs ms dr prof sen rep gov gen col lt capt maj adm rev sgt st jr sr inc corp co ltd bros no vs etc
        jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun dept assn
        univ mt ft ave blvd
        """
    )

    /// Countries, major cities, regions and nationalities that are never people.
    static let places: WordSet = words(
        """
        afghanistan albania algeria angola argentina armenia australia austria bangladesh belgium bolivia bosnia
        brazil britain bulgaria burma cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus
        czechoslovakia denmark ecuador egypt england ethiopia europe finland france georgia germany ghana greece
        guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
        jordan kenya korea kuwait laos lebanon liberia libya malaysia mexico mongolia morocco mozambique namibia
        nepal netherlands nicaragua nigeria norway pakistan palestine panama paraguay peru philippines poland
        portugal romania russia rwanda salvador scotland senegal serbia singapore somalia spain sudan sweden
        switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay venezuela vietnam wales
        yemen yugoslavia zaire zambia zimbabwe africa asia america americas latin caribbean pacific atlantic
        washington lima london paris moscow tokyo beijing peking york berlin bonn rome madrid brussels geneva
        vienna jerusalem cairo baghdad tehran beirut delhi bombay manila jakarta seoul hong kong havana mexico
        bogota caracas santiago buenos aires sydney toronto ottawa chicago boston texas california florida
        virginia victoria israeli peruvian japanese american british french german italian spanish chinese
        russian soviet cuban mexican brazilian canadian european african asian arab palestinian iranian iraqi
        indian korean vietnamese western eastern northern southern north south east west central
        """
    )

    /// Month names and abbreviations, lower-cased, with their numbers.
    static let months: WordTable<Int> = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Weekday names, lower-cased, numbered from Sunday (0) to Saturday (6).
    static let weekdays: WordTable<Int> = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]

    /// Organizations known by a short form, keyed by the upper-cased short form or lower-cased full name.
    static let knownOrganizations: WordTable<String> = [
        "ABC": "ABC", "CNN": "CNN", "NBC": "NBC", "CBS": "CBS", "BBC": "BBC", "AP": "Associated Press",
        "UPI": "United Press International", "AFP": "Agence France-Presse", "REUTERS": "Reuters",
        "TASS": "TASS", "XINHUA": "Xinhua", "KYODO": "Kyodo", "IMF": "International Monetary Fund",
        "OPEC": "OPEC", "GATT": "GATT", "OECD": "OECD", "EC": "European Community", "EEC": "European Community",
        "NATO": "NATO", "UN": "United Nations", "U.N.": "United Nations", "FAO": "Food and Agriculture Organization",
        "ICO": "International Coffee Organization", "FED": "Federal Reserve",
        "SEC": "Securities and Exchange Commission",
        "PLO": "Palestine Liberation Organization", "ANC": "African National Congress", "CIA": "CIA", "FBI": "FBI",
        "PENTAGON": "Pentagon", "KREMLIN": "Kremlin", "BUNDESBANK": "Bundesbank",
        "international monetary fund": "International Monetary Fund", "world bank": "World Bank",
        "organization of petroleum exporting countries": "OPEC", "european community": "European Community",
        "european economic community": "European Community", "federal reserve": "Federal Reserve",
        "federal reserve board": "Federal Reserve", "united nations": "United Nations",
        "u.s. state department": "State Department", "us state department": "State Department",
        "department of state": "State Department", "abc news": "ABC News",
    ]
}
