"""The reference set: 18 short news features in 6 stories, each with reference summaries (GIVEN).

Every article, place and person here is invented and was written for this project. Each story
(``cluster``) is told by three outlets in their own words: a local paper, an official
statement and a blog or radio piece. Every article has a 2-3 sentence reference summary written
by hand, and every story has a 3-4 sentence reference summary of all three articles (for
multi-document summarisation).

The articles are written the way features often are: they open with a scene or some background,
and get to the point later. That is why "take the first k sentences" (lead-k), the classic
baseline that is hard to beat on wire news, is beatable here.
"""
from __future__ import annotations

ARTICLES = [
    # ── Story 1: the library reopens after the flood ───────────────────────────────────────
    {
        "id": "library-gazette", "cluster": "library", "source": "Marlow Vale Gazette",
        "title": "Library doors open again, eight months after the flood",
        "text": (
            "On a wet Saturday morning, a queue of children in raincoats stretched along Mill Street. "
            "Some of them had brought cakes, and one boy carried a hand-painted sign. "
            "They were waiting for the Marlow Vale library, which reopened on Saturday after eight months of flood repairs. "
            "The river burst its banks in February and filled the ground floor of the library with mud and water. "
            "Around twelve thousand books were ruined, along with the computers and the children's corner. "
            "The repairs cost the town council four hundred thousand pounds, most of it paid by an insurance claim. "
            "The rebuilt library has raised floors, waterproof walls and shelves that can be lifted out of reach of a flood. "
            "Residents donated more than three thousand books to help refill the shelves. "
            "Head librarian Grace Okafor said the reopening felt like a homecoming. "
            "\"People kept asking when their library would be back, and now it is,\" she said. "
            "The library will also open on Sunday afternoons for the first time."
        ),
        "summary": (
            "Marlow Vale library reopened on Saturday after eight months of repairs following the February flood, "
            "which ruined around twelve thousand books. "
            "The rebuilt library has raised floors and waterproof walls, and residents donated more than three thousand books."
        ),
    },
    {
        "id": "library-council", "cluster": "library", "source": "Marlow Vale Town Council",
        "title": "Statement on the reopening of Marlow Vale library",
        "text": (
            "The council would like to thank everyone who has been patient over the past months. "
            "Marlow Vale library reopened to the public on Saturday, eight months after the February flood closed it. "
            "The flood damaged the ground floor, destroyed about twelve thousand books and ruined the public computers. "
            "The repair work cost four hundred thousand pounds, and the council's insurance covered most of that sum. "
            "To protect the building from future floods, the floors have been raised and the walls waterproofed. "
            "The shelves on the ground floor can now be lifted if the river rises again. "
            "The council is grateful to residents, who donated more than three thousand books. "
            "From next month the library will open on Sunday afternoons as well. "
            "Opening hours are listed on the council website."
        ),
        "summary": (
            "The council reopened Marlow Vale library on Saturday, eight months after the February flood destroyed "
            "about twelve thousand books. "
            "The four hundred thousand pound repair, mostly covered by insurance, raised the floors and waterproofed the walls."
        ),
    },
    {
        "id": "library-blog", "cluster": "library", "source": "Riverside Notes (blog)",
        "title": "Our library is back",
        "text": (
            "I have lived in Marlow Vale for thirty years, and I have never seen the high street as busy as it was this weekend. "
            "My grandchildren insisted on arriving an hour early. "
            "After eight months of flood repairs, the library finally reopened on Saturday. "
            "When the river flooded in February, the ground floor was left under a foot of muddy water. "
            "Twelve thousand books were lost, and so was the children's corner where my grandchildren learned to read. "
            "The new library has raised floors and waterproof walls, so the next flood should not do the same damage. "
            "I was one of the many residents who donated books, and it was strange to see my old novels on the shelves. "
            "Grace Okafor, the head librarian, told me the reopening felt like a homecoming. "
            "I think the whole town felt the same."
        ),
        "summary": (
            "Marlow Vale library reopened on Saturday after eight months of flood repairs. "
            "The February flood destroyed twelve thousand books, and the rebuilt library has raised floors and "
            "waterproof walls; residents donated books to refill it."
        ),
    },
    # ── Story 2: the rail strike ─────────────────────────────────────────────────────────────
    {
        "id": "strike-gazette", "cluster": "strike", "source": "Northfield Evening Post",
        "title": "Commuters face three days without trains",
        "text": (
            "Platform four at Northfield Central is usually packed at eight in the morning. "
            "On Tuesday it was empty apart from a pigeon and a cleaner. "
            "Train drivers on the Coastline network began a three day strike on Tuesday in a dispute over pay and working hours. "
            "The drivers' union says its members have not had a pay rise in three years while prices have risen sharply. "
            "Coastline Rail has offered a rise of four percent, which the union rejected as far too low. "
            "About ninety thousand passengers a day use the network, and almost no trains will run until Thursday evening. "
            "Replacement buses are running on the two busiest routes, but journeys take twice as long. "
            "Several schools have told pupils to study from home. "
            "Talks between the union and Coastline Rail are due to restart on Friday. "
            "\"Nobody wants to strike, but we have been left with no choice,\" said union spokesperson Daniel Reyes."
        ),
        "summary": (
            "Coastline train drivers began a three day strike on Tuesday over pay and working hours, after rejecting "
            "a four percent offer. "
            "About ninety thousand daily passengers are affected, with replacement buses on two routes, and talks "
            "restart on Friday."
        ),
    },
    {
        "id": "strike-company", "cluster": "strike", "source": "Coastline Rail",
        "title": "Service update: industrial action from Tuesday to Thursday",
        "text": (
            "We apologise to our customers for the disruption this week. "
            "Drivers will be on strike from Tuesday to Thursday, and almost no Coastline trains will run on those days. "
            "We have offered our drivers a pay rise of four percent, which we believe is fair and affordable. "
            "The union has rejected this offer and called the three day strike over pay and working hours. "
            "Replacement buses will run between Northfield and Port Ellis, and between Northfield and Kingsmere. "
            "Tickets for strike days can be refunded in full or used on another day. "
            "We will meet the union again on Friday and hope to reach an agreement. "
            "Please check our website before you travel."
        ),
        "summary": (
            "Coastline Rail drivers are striking from Tuesday to Thursday over pay and working hours after the union "
            "rejected a four percent offer, so almost no trains will run. "
            "Replacement buses run on two routes, tickets can be refunded, and talks resume on Friday."
        ),
    },
    {
        "id": "strike-radio", "cluster": "strike", "source": "Coast FM news",
        "title": "Strike day one: quiet stations, busy roads",
        "text": (
            "The roads into Northfield were jammed before seven this morning. "
            "Many drivers said they had left home an hour early and still arrived late. "
            "Coastline train drivers are on strike for three days over pay and working hours. "
            "The union turned down a four percent pay offer, saying it does not make up for three years without a rise. "
            "Around ninety thousand people use Coastline trains on a normal day. "
            "Replacement buses are running on two routes, and some passengers told us their journeys took twice as long. "
            "Union spokesperson Daniel Reyes said nobody wanted to strike but the drivers had been left with no choice. "
            "Talks are due to restart on Friday."
        ),
        "summary": (
            "Coastline train drivers are on a three day strike over pay and working hours after turning down a four "
            "percent offer. "
            "Around ninety thousand daily passengers face jammed roads and slow replacement buses until talks restart on Friday."
        ),
    },
    # ── Story 3: a new beetle in the city park ──────────────────────────────────────────────
    {
        "id": "beetle-gazette", "cluster": "beetle", "source": "Harbour City Herald",
        "title": "Park beetle turns out to be new to science",
        "text": (
            "Every summer, volunteers crawl through the long grass of Ashgrove Park with magnifying glasses and notebooks. "
            "Most years they count the same butterflies and bees. "
            "This year one of them, a retired teacher called Ruth Mensah, photographed a small green beetle she did not recognise. "
            "Scientists at the city museum have now confirmed that the beetle is a species never described before. "
            "It is about four millimetres long and lives only on the roots of wild thyme. "
            "The museum has named it after the park, and the species will be listed in a scientific journal next month. "
            "Only a few dozen of the beetles have been found, all in one meadow at the north end of the park. "
            "The council has agreed to stop mowing that meadow to protect them. "
            "\"It shows that you do not need to go to a rainforest to discover something new,\" said museum curator Tomas Lind."
        ),
        "summary": (
            "A small green beetle photographed in Ashgrove Park by volunteer Ruth Mensah has been confirmed by the "
            "city museum as a species new to science. "
            "It lives only on wild thyme roots in one meadow, which the council will stop mowing to protect it."
        ),
    },
    {
        "id": "beetle-museum", "cluster": "beetle", "source": "Harbour City Museum",
        "title": "Museum scientists describe a new beetle species",
        "text": (
            "The museum's insect collection holds more than two million specimens, gathered over a hundred and fifty years. "
            "It is not often that a new one arrives from just down the road. "
            "Museum scientists have confirmed that a beetle found in Ashgrove Park is a species new to science. "
            "The beetle was first photographed by Ruth Mensah, a volunteer on the park's summer wildlife survey. "
            "It is green, about four millimetres long, and feeds only on the roots of wild thyme. "
            "The species has been named after Ashgrove Park, and its description will appear in a scientific journal next month. "
            "So far it is known from a single meadow, where only a few dozen beetles have been counted. "
            "The museum thanks the council for agreeing to leave the meadow unmown."
        ),
        "summary": (
            "Museum scientists have confirmed that a beetle photographed in Ashgrove Park by volunteer Ruth Mensah is a "
            "new species, named after the park. "
            "The four millimetre beetle feeds only on wild thyme roots and is known from a single meadow that will be left unmown."
        ),
    },
    {
        "id": "beetle-blog", "cluster": "beetle", "source": "Weekend Naturalist (blog)",
        "title": "How a tiny beetle put Ashgrove Park on the map",
        "text": (
            "I have walked my dog through Ashgrove Park hundreds of times without looking down. "
            "That changed last week. "
            "A green beetle found in the park by survey volunteer Ruth Mensah has been confirmed as a species new to science. "
            "It is only four millimetres long and depends entirely on the roots of wild thyme. "
            "Only a few dozen have been found, all in one meadow at the north end of the park. "
            "The council will stop mowing that meadow so the thyme, and the beetles, can survive. "
            "Curator Tomas Lind said you do not need to go to a rainforest to discover something new. "
            "I will be looking down from now on."
        ),
        "summary": (
            "A green beetle found in Ashgrove Park by volunteer Ruth Mensah is a species new to science. "
            "It depends on wild thyme roots, only a few dozen are known, and the council will stop mowing their meadow."
        ),
    },
    # ── Story 4: the school's solar roof ────────────────────────────────────────────────────
    {
        "id": "solar-gazette", "cluster": "solar", "source": "Fenwick Weekly",
        "title": "Pupils' solar roof starts making power",
        "text": (
            "Three years ago, a group of pupils at Fenwick High School wrote a letter to the headteacher about the school's electricity bill. "
            "They had worked out that the school spent more on power than on books. "
            "This week two hundred solar panels on the school roof started producing electricity. "
            "The panels will supply about a third of the school's power and save around eighteen thousand pounds a year. "
            "The project cost one hundred and twenty thousand pounds, raised from a government grant, local businesses and a sponsored walk. "
            "Pupils in the science club helped plan the layout of the panels and will track how much power they make. "
            "A screen in the entrance hall shows the output of the panels in real time. "
            "Headteacher Priya Natarajan said the pupils had taught the adults a lesson. "
            "The school plans to spend the savings on books and laboratory equipment."
        ),
        "summary": (
            "Two hundred solar panels on the roof of Fenwick High School started producing electricity this week, "
            "after a campaign started by pupils three years ago. "
            "The panels will supply a third of the school's power and save about eighteen thousand pounds a year, to be spent on books and equipment."
        ),
    },
    {
        "id": "solar-school", "cluster": "solar", "source": "Fenwick High School newsletter",
        "title": "Our solar panels are switched on",
        "text": (
            "Thank you to every parent, pupil and business who supported our solar appeal. "
            "The two hundred solar panels on our roof were switched on this week and are now producing electricity. "
            "We expect them to provide about a third of the school's power. "
            "That should save around eighteen thousand pounds a year, which we will spend on books and laboratory equipment. "
            "The panels cost one hundred and twenty thousand pounds, paid for by a government grant, local businesses and our sponsored walk. "
            "The science club helped design the layout and will report on the output every month. "
            "You can watch the output of the panels on the screen in the entrance hall."
        ),
        "summary": (
            "The school's two hundred solar panels were switched on this week and should provide a third of its power. "
            "They cost one hundred and twenty thousand pounds and will save about eighteen thousand pounds a year for books and equipment."
        ),
    },
    {
        "id": "solar-radio", "cluster": "solar", "source": "Fen Radio",
        "title": "Sunny news for Fenwick High",
        "text": (
            "It started with a letter from a group of pupils who were shocked by the size of the electricity bill. "
            "Three years later, two hundred solar panels on the roof of Fenwick High School are producing electricity. "
            "The school says the panels will cover about a third of its power and save around eighteen thousand pounds every year. "
            "The money came from a government grant, local firms and a sponsored walk by pupils and parents. "
            "Members of the science club helped plan the panels and will measure what they produce. "
            "Headteacher Priya Natarajan said the pupils had taught the adults a lesson. "
            "The savings will go on books and laboratory equipment."
        ),
        "summary": (
            "Three years after pupils complained about the electricity bill, two hundred solar panels on Fenwick High "
            "School's roof are producing power. "
            "They will cover a third of the school's power and save about eighteen thousand pounds a year, which will go on books and equipment."
        ),
    },
    # ── Story 5: the heatwave and the hosepipe ban ─────────────────────────────────────────
    {
        "id": "heat-gazette", "cluster": "heat", "source": "Dunmore Courier",
        "title": "Hosepipe ban as reservoirs run low",
        "text": (
            "The lawns of Dunmore have turned the colour of straw, and the ducks in the town pond are standing on mud. "
            "It has barely rained for seven weeks. "
            "Dunmore Water has announced a hosepipe ban for the whole region, starting on Monday. "
            "Its reservoirs are only forty percent full, the lowest level for this time of year in two decades. "
            "Under the ban, people may not use a hosepipe to water gardens, wash cars or fill paddling pools. "
            "Anyone who breaks the ban could be fined up to one thousand pounds. "
            "The company says the ban will last until the reservoirs recover, which could take several months. "
            "It is also asking customers to take shorter showers and to report leaks. "
            "Farmers say the dry weather has already cut the size of their harvest."
        ),
        "summary": (
            "Dunmore Water has announced a hosepipe ban from Monday after seven dry weeks left its reservoirs only "
            "forty percent full, the lowest in two decades. "
            "Watering gardens, washing cars and filling pools with a hosepipe is banned, with fines of up to one thousand pounds."
        ),
    },
    {
        "id": "heat-company", "cluster": "heat", "source": "Dunmore Water",
        "title": "Temporary use ban from Monday",
        "text": (
            "We know how much our customers value their gardens, and we do not take this decision lightly. "
            "A hosepipe ban will apply across our whole region from Monday. "
            "After seven weeks with almost no rain, our reservoirs are only forty percent full. "
            "That is the lowest level for the time of year in twenty years. "
            "During the ban, customers must not use a hosepipe to water a garden, clean a car or fill a paddling pool. "
            "Breaking the ban can lead to a fine of up to one thousand pounds. "
            "The ban will stay in place until our reservoirs have recovered. "
            "Shorter showers and reporting leaks will also help."
        ),
        "summary": (
            "A hosepipe ban applies across the region from Monday because seven weeks with almost no rain have left "
            "reservoirs forty percent full, the lowest in twenty years. "
            "Hosepipes may not be used for gardens, cars or paddling pools, and breaking the ban can mean a fine of up to one thousand pounds."
        ),
    },
    {
        "id": "heat-blog", "cluster": "heat", "source": "The Dunmore Gardener (blog)",
        "title": "Watering cans at the ready",
        "text": (
            "My tomatoes have never been so small, and my neighbour's roses have given up entirely. "
            "Seven weeks without proper rain will do that. "
            "From Monday there is a hosepipe ban across the whole Dunmore Water region. "
            "The reservoirs are only forty percent full, the lowest for this time of year in two decades. "
            "That means no hosepipes for gardens, cars or paddling pools, and a fine of up to one thousand pounds for anyone caught. "
            "A watering can filled from the kitchen tap is still allowed, and so is water saved from the bath. "
            "The ban will last until the reservoirs recover. "
            "Mulch your beds, water in the evening, and be kind to your neighbours."
        ),
        "summary": (
            "A hosepipe ban starts on Monday across the Dunmore Water region because reservoirs are only forty percent full "
            "after seven dry weeks. "
            "Hosepipes are banned for gardens, cars and pools, with fines of up to one thousand pounds, but watering cans are still allowed."
        ),
    },
    # ── Story 6: the football club's new stadium ────────────────────────────────────────────
    {
        "id": "stadium-gazette", "cluster": "stadium", "source": "Kingsbridge Echo",
        "title": "Kingsbridge Rovers will leave Elm Road",
        "text": (
            "For a hundred and ten years, Kingsbridge Rovers have played in front of the same red brick stand at Elm Road. "
            "Grandparents, parents and children have stood on the same steps. "
            "The club has now confirmed that it will move to a new stadium on the edge of town in two years' time. "
            "The new ground will hold twelve thousand fans, twice as many as Elm Road. "
            "It will be built on the site of the old gasworks, which has been empty for decades. "
            "The club says Elm Road is too small and too expensive to repair, and the stand no longer meets safety rules. "
            "Some supporters are unhappy and have started a petition to keep the club in the town centre. "
            "The old ground will be sold for housing, and the money will help pay for the new stadium. "
            "Chairman Alan Whitby said the move would secure the club's future for another century."
        ),
        "summary": (
            "Kingsbridge Rovers will leave Elm Road, their home for a hundred and ten years, for a new twelve thousand "
            "seat stadium on the old gasworks site in two years. "
            "The club says Elm Road is too small and costly to repair; it will be sold for housing, though some fans are petitioning against the move."
        ),
    },
    {
        "id": "stadium-club", "cluster": "stadium", "source": "Kingsbridge Rovers",
        "title": "A new home for the Rovers",
        "text": (
            "Elm Road has given us a hundred and ten years of memories, and we will never forget them. "
            "But the time has come to move on. "
            "In two years, Kingsbridge Rovers will move to a new stadium on the former gasworks site at the edge of town. "
            "The stadium will hold twelve thousand supporters, twice the capacity of Elm Road. "
            "Elm Road is too small, the main stand no longer meets modern safety rules, and repairing it would cost more than building anew. "
            "The Elm Road site will be sold for housing to help fund the new stadium. "
            "We understand that some supporters are sad to leave, and we will keep listening to them. "
            "Chairman Alan Whitby said the move would secure the club's future for another century."
        ),
        "summary": (
            "Kingsbridge Rovers will move in two years from Elm Road to a twelve thousand seat stadium on the former gasworks site. "
            "Elm Road is too small and unsafe to repair, and selling it for housing will help fund the new ground."
        ),
    },
    {
        "id": "stadium-fans", "cluster": "stadium", "source": "Rovers Supporters Trust",
        "title": "Why we are asking the club to think again",
        "text": (
            "Ask any Rovers fan about Elm Road and you will hear a story about their grandfather. "
            "That is why this news hurts. "
            "The club plans to leave Elm Road in two years for a new twelve thousand seat stadium on the old gasworks site. "
            "We accept that Elm Road needs work, and that the old stand fails today's safety rules. "
            "But we believe it could be repaired, and that a ground on the edge of town will be hard to reach without a car. "
            "More than four thousand supporters have signed our petition to keep the club in the town centre. "
            "We will present it to the club before the plans go to the council. "
            "Elm Road will be sold for housing if the move goes ahead."
        ),
        "summary": (
            "The club plans to leave Elm Road in two years for a twelve thousand seat stadium on the old gasworks site, "
            "and Elm Road would be sold for housing. "
            "The supporters trust argues the ground could be repaired, and more than four thousand fans have signed a petition against the move."
        ),
    },
]

# One reference summary per story, covering all three of its articles.
CLUSTERS = {
    "library": (
        "Marlow Vale library reopened on Saturday, eight months after the February flood ruined around twelve thousand books. "
        "The four hundred thousand pound repair, mostly paid by insurance, raised the floors and waterproofed the walls. "
        "Residents donated more than three thousand books, and the library will also open on Sunday afternoons."
    ),
    "strike": (
        "Coastline train drivers began a three day strike on Tuesday over pay and working hours. "
        "The union rejected a four percent pay rise, saying drivers have gone three years without one. "
        "About ninety thousand daily passengers are affected and replacement buses run on two routes. "
        "Talks restart on Friday."
    ),
    "beetle": (
        "A green beetle photographed in Ashgrove Park by volunteer Ruth Mensah is a species new to science, the city museum has confirmed. "
        "The four millimetre beetle lives only on wild thyme roots and is known from one meadow. "
        "The council will stop mowing the meadow to protect it."
    ),
    "solar": (
        "Two hundred solar panels on the roof of Fenwick High School started producing electricity this week, three years after pupils campaigned for them. "
        "The panels cost one hundred and twenty thousand pounds and will supply a third of the school's power, saving about eighteen thousand pounds a year. "
        "The science club helped plan them, and the savings will go on books and equipment."
    ),
    "heat": (
        "Dunmore Water has announced a hosepipe ban across its region from Monday. "
        "After seven dry weeks its reservoirs are only forty percent full, the lowest in twenty years. "
        "Hosepipes may not be used for gardens, cars or paddling pools, with fines of up to one thousand pounds, until the reservoirs recover."
    ),
    "stadium": (
        "Kingsbridge Rovers will leave Elm Road, their home for a hundred and ten years, for a twelve thousand seat stadium on the old gasworks site in two years. "
        "The club says Elm Road is too small and unsafe to repair, and it will be sold for housing. "
        "More than four thousand supporters have signed a petition against the move."
    ),
}


def articles(cluster: str | None = None) -> list[dict]:
    """The articles (copies), optionally only those of one story."""
    return [dict(a) for a in ARTICLES if cluster is None or a["cluster"] == cluster]


def clusters() -> dict[str, list[dict]]:
    """``{story: [its three articles]}``, in a fixed order."""
    return {name: articles(name) for name in CLUSTERS}
