import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

@Suite struct TopicClassifierTests {
    @Test("Lists the 17 IPTC top-level Media Topics")
    func listsAllTopics() {
        #expect(TopicClassifier.allTopics.count == 17)
        #expect(Set(TopicClassifier.allTopics).count == 17)
        #expect(TopicClassifier.allTopics.contains("disaster, accident and emergency incident"))
    }

    @Test("Ranks the seed dispatch under conflict or politics", .enabled(if: Corpus.isAvailable))
    func ranksSeedDispatch() throws {
        let url = Corpus.seed
        let page = try ArchivedPage.parse(Array(try Data(contentsOf: url)))
        let topics = TopicClassifier.classify(headline: page.subject, text: page.body)
        #expect(["conflict, war and peace", "politics"].contains(topics.first ?? ""), "\(topics)")
    }

    @Test(
        "Puts the central topic first",
        arguments: [
            (
                "Rebels shell the capital as ceasefire collapses",
                "Guerrilla artillery shelled the city overnight; troops and militia fought in the streets and the army "
                    + "said dozens of soldiers were killed. Peace talks have stalled.",
                "conflict, war and peace"
            ),
            (
                "Senate passes budget bill",
                "The Senate voted 52-48 on the President's budget. Republicans and Democrats in Congress argued over "
                    + "the election-year tax cut; the White House said it would not veto the legislation.",
                "politics"
            ),
            (
                "Man convicted of murder",
                "A jury found the defendant guilty of murder after a two-week trial. The judge will hear sentencing "
                    + "arguments next month; police arrested him in 1995. Prosecutors sought a prison term.",
                "crime, law and justice"
            ),
            (
                "Earthquake kills hundreds",
                "A powerful earthquake struck the region, collapsing buildings. Rescuers dug through rubble for "
                    + "survivors as the death toll rose; thousands were evacuated.",
                "disaster, accident and emergency incident"
            ),
            (
                "Stocks fall as interest rates rise",
                "Shares fell on Wall Street after the central bank raised interest rates. Investors worried about "
                    + "inflation and quarterly earnings; the dollar rose against the yen.",
                "economy, business and finance"
            ),
            (
                "Teachers protest school cuts",
                "Pupils and teachers at the city's primary schools face larger classes; the curriculum and "
                    + "textbooks budget was cut, and the education board closed two kindergartens.",
                "education"
            ),
            (
                "Ozone hole grows",
                "Pollution and greenhouse gas emissions are blamed; environmentalists say deforestation and "
                    + "global warming threaten endangered species and their habitats.",
                "environment"
            ),
            (
                "New vaccine trial",
                "Doctors at the hospital gave patients the vaccine; the disease's symptoms eased and the infection "
                    + "rate fell. Physicians hope the treatment will help cancer patients too.",
                "health"
            ),
            (
                "Dockers strike over wages",
                "Workers walked out after employers refused the union's wage claim. Strikers picketed the port; "
                    + "collective bargaining broke down over layoffs and pensions.",
                "labour"
            ),
            (
                "Which car for a long trip?",
                "My car's engine overheats on the highway. The mechanic replaced the radiator and the brakes, "
                    + "but at 70 mph the transmission still slips. Is the Toyota or the Honda better for driving?",
                "lifestyle and leisure"
            ),
            (
                "Is God necessary for morality?",
                "Christians believe that Jesus Christ taught salvation through faith; atheists reply that the Bible "
                    + "and the church offer no evidence of God. Prayer and scripture are matters of belief.",
                "religion"
            ),
            (
                "Problem with my SCSI drive",
                "My 486 PC will not boot from the new SCSI hard disk; the controller BIOS sees it, but DOS and "
                    + "Windows do not. I installed the latest driver software and upgraded the RAM.",
                "science and technology"
            ),
            (
                "Homelessness and poverty rise",
                "Social workers say poverty, homelessness and racial discrimination are growing; immigrant families "
                    + "and the elderly depend on charity.",
                "society"
            ),
            (
                "Penguins win in overtime",
                "Lemieux scored twice and the goalie stopped 40 shots as the Penguins beat the Bruins in the "
                    + "playoffs. The coach praised the team's power play.",
                "sport"
            ),
            (
                "Blizzard warning",
                "Forecasters expect heavy snowfall, freezing temperatures and strong winds; the weather service "
                    + "issued a blizzard warning and rain is forecast for the coast.",
                "weather"
            ),
            (
                "Opera premiere",
                "The orchestra and the soprano were cheered at the premiere of the composer's new opera; critics "
                    + "compared the ballet and the museum exhibition that opened the festival.",
                "arts, culture, entertainment and media"
            ),
            (
                "Oldest living twins celebrate birthday",
                "The twins, the world's oldest, celebrated their 104th birthday with a cake at the zoo where their "
                    + "pets live; the Guinness Book recorded the world record.",
                "human interest"
            ),
        ])
    func putsCentralTopicFirst(headline: String, text: String, expected: String) {
        let topics = TopicClassifier.classify(headline: headline, text: text)
        #expect(topics.first == expected, "\(topics)")
    }

    @Test("Finds no topic in text without evidence")
    func findsNothingInEmptyText() {
        #expect(TopicClassifier.classify(headline: nil, text: "").isEmpty)
        #expect(TopicClassifier.classify(headline: "Hello", text: "Thanks, see you on Tuesday.").isEmpty)
    }

    @Test("Counts the headline more than the body")
    func weighsHeadline() {
        let body = "The game was close. The election was close too."
        let sport = TopicClassifier.classify(headline: "Hockey playoffs", text: body)
        let politics = TopicClassifier.classify(headline: "Senate election", text: body)
        #expect(sport.first == "sport")
        #expect(politics.first == "politics")
    }

    @Test("Ignores words inside addresses and URLs")
    func ignoresAddresses() {
        let text = "Write to hockey@nhl.com or see http://www.baseball.org/ for the schedule."
        #expect(TopicClassifier.classify(headline: nil, text: text).isEmpty)
    }
}
