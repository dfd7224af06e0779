import { body } from '@newsroom/content';

/**
 * Demo content for the "Globe Echo" publication. Everything here is fictional:
 * people, companies, institutions, places and events are invented for seeding.
 */

const { documentOf, paragraph, heading, quote, pullquote, bulletList, text, link } = body;

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoAuthor {
  key: string;
  name: string;
  email: string;
  role: 'author' | 'editor' | 'contributor';
  bio: string;
}

export interface DemoArticle {
  /** Lower-case words joined by single hyphens, unique. */
  slug: string;
  headline: string;
  /** One-sentence standfirst, under 200 characters. */
  dek: string;
  /** A DemoSection slug. */
  section: string;
  /** DemoAuthor keys, one or two. */
  authors: string[];
  /** Two to four tag names. */
  tags: string[];
  /** Published this many hours before seeding; all distinct, between 1 and 240. */
  hoursAgo: number;
  body: ReturnType<typeof documentOf>;
}

export const demoSections: DemoSection[] = [
  {
    slug: 'world',
    name: 'World',
    description: 'International news, diplomacy and events from every region.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'Parliament, elections, policy and the decisions that shape public life.',
  },
  { slug: 'business', name: 'Business', description: 'Markets, companies, trade and the economy explained.' },
  {
    slug: 'science',
    name: 'Science',
    description: 'Research, climate, space and discoveries from the lab and the field.',
  },
  { slug: 'culture', name: 'Culture', description: 'Arts, film, museums, books and ideas.' },
];

export const demoAuthors: DemoAuthor[] = [
  {
    key: 'amara-okafor',
    name: 'Amara Okafor',
    email: 'amara.okafor@globe-echo.example',
    role: 'editor',
    bio: 'Amara Okafor is Globe Echo’s world editor. She previously reported from three continents and oversees the foreign desk.',
  },
  {
    key: 'tomas-lindqvist',
    name: 'Tomas Lindqvist',
    email: 'tomas.lindqvist@globe-echo.example',
    role: 'author',
    bio: 'Tomas Lindqvist covers economics, trade and corporate news. Before joining Globe Echo he spent a decade on a financial wire desk.',
  },
  {
    key: 'priya-raman',
    name: 'Priya Raman',
    email: 'priya.raman@globe-echo.example',
    role: 'author',
    bio: 'Priya Raman is Globe Echo’s science correspondent, writing about climate research, space and the environment.',
  },
  {
    key: 'daniel-ferreira',
    name: 'Daniel Ferreira',
    email: 'daniel.ferreira@globe-echo.example',
    role: 'author',
    bio: 'Daniel Ferreira reports on parliament, elections and city government. He has covered four national election campaigns.',
  },
  {
    key: 'helene-marchetti',
    name: 'Hélène Marchetti',
    email: 'helene.marchetti@globe-echo.example',
    role: 'contributor',
    bio: 'Hélène Marchetti is a freelance arts writer who contributes reviews and features on film, museums and design.',
  },
];

export const demoArticles: DemoArticle[] = [
  // ---------------------------------------------------------------- world
  {
    slug: 'missile-launch-over-strait-of-tessel-prompts-emergency-regional-talks',
    headline: 'Missile launch over Strait of Tessel prompts emergency regional talks',
    dek: 'Foreign ministers from five coastal states will meet in Valdris after Korvana test-fired a medium-range missile into shared waters.',
    section: 'world',
    authors: ['amara-okafor'],
    tags: ['Diplomacy', 'Security', 'Defence'],
    hoursAgo: 3,
    body: documentOf([
      paragraph(
        'Foreign ministers from five coastal states will meet in the port city of Valdris on Thursday for emergency consultations after Korvana test-fired a medium-range ballistic missile that came down in international waters of the Strait of Tessel early on Tuesday, officials said.',
      ),
      paragraph([
        text('Korvana’s defence ministry confirmed the launch in a brief statement, describing it as a '),
        text('“scheduled test of a defensive system”', 2),
        text(
          ' carried out in line with its national security needs. It said no vessels or aircraft had been endangered and that maritime authorities had been notified in advance.',
        ),
      ]),
      paragraph(
        'Neighbouring governments disputed that account. The coastguard of Estmark said it received a navigation warning less than two hours before the launch, and that at least three commercial freighters had been within 40 nautical miles of the impact area at the time.',
      ),
      heading('Calls for restraint'),
      paragraph(
        'The Northern Maritime Council, a regional body whose members include Korvana, issued a joint statement urging “all parties to exercise restraint and to use existing channels to avoid miscalculation.” Two diplomats familiar with the drafting said the wording had been softened overnight at Korvana’s request.',
      ),
      pullquote(
        'Nobody in this region benefits from surprises at sea. What we need now is predictability, not rhetoric.',
        'Ilse Varga, secretary-general of the Northern Maritime Council',
      ),
      paragraph(
        'Analysts said the test appeared to involve an upgraded version of a missile first displayed at a military parade two years ago. Marten Osei, a researcher at the Halden Institute for Strategic Studies, said the flight profile pointed to improvements in range rather than accuracy. Officials expect three proposals to dominate the agenda in Valdris:',
      ),
      bulletList([
        'Restoring a hotline between the region’s defence ministries, suspended since last spring',
        'A rule requiring 72 hours’ public notice before any missile test over shared waters',
        'Joint monitoring of the busiest commercial shipping lanes in the strait',
      ]),
      paragraph(
        'Korvana said it would send a deputy foreign minister to the meeting, a decision several diplomats cautiously welcomed as a sign that it is prepared to engage. Shipping insurers said they were monitoring the situation but had not yet changed premiums for vessels transiting the strait.',
      ),
    ]),
  },
  {
    slug: 'heatwave-breaks-century-old-temperature-records-across-calder-valley',
    headline: 'Heatwave breaks century-old temperature records across Calder Valley',
    dek: 'Authorities opened cooling centres and restricted outdoor work as temperatures passed 43C for a third consecutive day.',
    section: 'world',
    authors: ['amara-okafor', 'priya-raman'],
    tags: ['Weather', 'Climate', 'Public Health'],
    hoursAgo: 19,
    body: documentOf([
      paragraph(
        'A prolonged heatwave broke temperature records dating back more than a century across the Calder Valley on Monday, with the regional weather service recording 43.8C in the river town of Lessing, the highest reading since its station opened in 1911.',
      ),
      paragraph(
        'It was the third consecutive day above 43C in parts of the valley. Forecasters said a slow-moving area of high pressure would keep conditions hot and dry until at least the weekend, with little relief expected overnight as minimum temperatures stay above 27C in several cities.',
      ),
      heading('Emergency measures'),
      paragraph([
        text('Regional authorities have opened more than 200 '),
        text('cooling centres', 1),
        text(
          ' in libraries, schools and community halls, and extended public pool hours into the evening. Outdoor construction and agricultural work has been banned between noon and 5 p.m., and water utilities have asked residents to avoid watering gardens.',
        ),
      ]),
      bulletList([
        'Drink water regularly, even before feeling thirsty',
        'Check on elderly neighbours and anyone living alone',
        'Keep curtains closed during the hottest part of the day',
        'Never leave children or pets in parked vehicles',
      ]),
      paragraph(
        'Hospitals in Lessing and the regional capital, Orvieto Nuova, reported a rise in admissions for heat exhaustion and dehydration, mostly among older residents. Health officials said the figures were still within the capacity of emergency departments but urged people to follow the guidance above.',
      ),
      quote(
        'Heatwaves like this one used to be rare events in the valley. Our records show they are now arriving earlier in the summer and lasting longer.',
      ),
      paragraph(
        'The remark came from Rosa Delacroix, a climatologist with the regional weather service, who added that a detailed attribution study would be published once the event had ended. Farmers’ groups warned that the heat, coming after a dry spring, could cut this year’s grain harvest by as much as a fifth.',
      ),
    ]),
  },

  // ------------------------------------------------------------- politics
  {
    slug: 'parliament-narrowly-passes-electoral-reform-bill-after-marathon-debate',
    headline: 'Parliament narrowly passes electoral reform bill after marathon debate',
    dek: 'The bill, approved by 163 votes to 158, introduces independent boundary reviews and a new cap on campaign spending.',
    section: 'politics',
    authors: ['daniel-ferreira'],
    tags: ['Parliament', 'Elections', 'Democracy'],
    hoursAgo: 7,
    body: documentOf([
      paragraph(
        'Parliament approved a long-debated electoral reform bill in the early hours of Wednesday by 163 votes to 158, after a sitting that lasted more than 14 hours and saw dozens of amendments rejected.',
      ),
      paragraph([
        text('The legislation, championed by the governing '),
        text('Civic Alliance', 1),
        text(
          ' and its coalition partner, the Green Renewal Party, hands responsibility for redrawing constituency boundaries to an independent commission and lowers the cap on spending by national campaigns by roughly a third.',
        ),
      ]),
      heading('What changes'),
      bulletList([
        'Constituency boundaries will be reviewed every ten years by an independent commission',
        'National campaign spending will be capped at 12 million crowns per party',
        'Donations above 5,000 crowns must be published within 30 days',
        'Polling stations will stay open until 9 p.m., an hour later than today',
      ]),
      paragraph(
        'Opposition parties argued the bill had been rushed through committee and that the spending cap would favour parties with large volunteer networks. The centre-right National Unity Party said it would ask the constitutional court to review two clauses relating to donations.',
      ),
      paragraph(
        'Debate at times grew heated. The speaker suspended the sitting twice after midnight, once over a dispute about whether amendments had been properly tabled and again when members from both sides left their seats to protest a ruling on the order of votes.',
      ),
      pullquote(
        'Voters deserve to know that the rules of the game are set by someone other than the players.',
        'Justice minister Anneliese Koval',
      ),
      paragraph(
        'The bill now goes to the upper chamber, which can delay but not block it. If it becomes law, the new boundary commission would begin its first review next year, meaning the changes would not apply until the election after next. Electoral observers broadly welcomed the transparency rules while noting that enforcement would depend on the resources given to the electoral authority.',
      ),
    ]),
  },
  {
    slug: 'marlow-city-unveils-fifteen-year-transit-plan-with-two-new-tram-lines',
    headline: 'Marlow City unveils 15-year transit plan with two new tram lines',
    dek: 'The draft plan, costed at 4.2 billion crowns, would add two tram lines, a night bus network and protected cycle lanes on major routes.',
    section: 'politics',
    authors: ['daniel-ferreira'],
    tags: ['Transport', 'Local Government', 'Urban Planning'],
    hoursAgo: 30,
    body: documentOf([
      paragraph(
        'Marlow City council on Monday unveiled a 15-year transit plan that would add two tram lines, a round-the-clock bus network and more than 80 kilometres of protected cycle lanes, in what officials called the largest transport investment in the city’s history.',
      ),
      paragraph(
        'The draft, costed at 4.2 billion crowns, is meant to cut average commuting times by a quarter and reduce car traffic in the city centre by 30 percent by 2040. Funding would come from a mix of national infrastructure grants, municipal bonds and a proposed levy on large car parks.',
      ),
      heading('Key proposals'),
      bulletList([
        'An east–west tram line linking the Riverside district to the university campus',
        'A northern tram loop serving the Hartfield and Millbrook estates',
        'Night buses every 20 minutes on eight core routes',
        'Protected cycle lanes on all arterial roads within the ring road',
      ]),
      paragraph([
        text(
          'Deputy mayor Joaquim Brandt said the plan responded to years of complaints about overcrowded buses. ',
        ),
        text('“This is not about punishing drivers,” ', 2),
        text(
          'he said. “It is about giving people a choice that is genuinely faster and cheaper than the car.”',
        ),
      ]),
      paragraph(
        'Business groups in the city centre gave a cautious welcome but raised concerns about disruption during construction, which would begin in 2027 at the earliest. Residents of Hartfield said they had waited more than two decades for a reliable rail connection.',
      ),
      paragraph(
        'Transport planners said the tram routes were chosen after modelling showed they would serve about 180,000 residents within a ten-minute walk of a stop, including several neighbourhoods where fewer than half of households own a car.',
      ),
      paragraph([
        text('Residents can read the '),
        link('https://example.org/marlow-city/transit-plan-2040', 'full draft plan'),
        text(
          ' and submit comments during a 12-week public consultation. The council is expected to vote on a final version early next year.',
        ),
      ]),
    ]),
  },
  {
    slug: 'eastbrook-council-to-trial-rent-stabilisation-zone-as-costs-climb',
    headline: 'Eastbrook council to trial rent-stabilisation zone as costs climb',
    dek: 'A two-year pilot would limit annual rent rises to inflation plus two points in three neighbourhoods where rents rose 19% since 2022.',
    section: 'politics',
    authors: ['daniel-ferreira', 'tomas-lindqvist'],
    tags: ['Housing', 'Local Government', 'Cost of Living'],
    hoursAgo: 52,
    body: documentOf([
      paragraph(
        'Eastbrook’s borough council voted on Tuesday to trial a rent-stabilisation zone covering three of its neighbourhoods, limiting annual rent increases on existing tenancies to inflation plus two percentage points for two years.',
      ),
      paragraph(
        'Council figures show average rents in the Canal Quarter, St. Aubyn Green and Lowmoor rose by 19 percent between 2022 and this year, well ahead of local wage growth. More than 40 percent of households in the three areas rent privately.',
      ),
      quote(
        'I have lived on this street for eleven years. Last spring my rent went up by a hundred and eighty a month, and I started looking at flats two towns away.',
      ),
      paragraph(
        'That account came from Marisol Achterberg, a nurse who spoke at the council meeting on behalf of a local tenants’ association. Several other residents described similar increases, with some saying they had been asked to leave after querying repairs.',
      ),
      heading('Landlords warn of supply squeeze'),
      paragraph([
        text('The Eastbrook Property Owners’ Association said the pilot risked '),
        text('discouraging investment', 2),
        text(
          ' at a time when the borough needs more homes, and warned some landlords might sell up. Councillors said the scheme excludes newly built homes for their first ten years specifically to avoid deterring construction.',
        ),
      ]),
      paragraph(
        'The pilot will be evaluated by the independent Housing Policy Unit at Eastbrook University, which will compare rents, evictions and new lettings in the zone with similar neighbourhoods outside it. The council will decide whether to extend the scheme borough-wide once the final report is published.',
      ),
      paragraph(
        'Under the scheme, landlords will still be able to apply for larger increases if they can show they have carried out major improvements such as new heating systems or insulation, subject to approval by an independent panel.',
      ),
    ]),
  },

  // ------------------------------------------------------------- business
  {
    slug: 'central-bank-holds-rates-but-signals-cut-later-this-year',
    headline: 'Central bank holds rates at 4.25% but signals cut later this year',
    dek: 'Policymakers voted 6–3 to keep borrowing costs unchanged, saying inflation is easing but wage growth remains too strong.',
    section: 'business',
    authors: ['tomas-lindqvist'],
    tags: ['Economy', 'Interest Rates', 'Inflation'],
    hoursAgo: 11,
    body: documentOf([
      paragraph(
        'The Central Bank of Estavia kept its benchmark interest rate unchanged at 4.25 percent on Thursday, but signalled for the first time that it could begin lowering borrowing costs before the end of the year if inflation continues to ease.',
      ),
      paragraph([
        text('The monetary policy committee voted '),
        text('six to three', 1),
        text(
          ' to hold, with the three dissenting members favouring an immediate quarter-point cut. It was the most divided vote since the bank began raising rates nearly three years ago.',
        ),
      ]),
      pullquote(
        'We are not yet where we need to be, but the direction of travel is encouraging.',
        'Governor Lucia Steenkamp',
      ),
      paragraph(
        'Consumer price inflation slowed to 2.9 percent in the year to last month, down from a peak of more than 8 percent, according to the national statistics office. Services inflation, however, remains above 4 percent, and the bank said wage growth was still running ahead of levels consistent with its 2 percent target.',
      ),
      heading('Market reaction'),
      paragraph(
        'The Estavian crown fell 0.6 percent against the euro after the decision as traders brought forward expectations of a first cut. Yields on two-year government bonds dropped to their lowest level in 14 months, and shares in homebuilders rose on hopes of cheaper mortgages.',
      ),
      paragraph(
        'Household borrowers have felt the squeeze. Mortgage arrears rose for a sixth consecutive quarter, according to figures published alongside the decision, although the bank said the share of loans more than three months behind remained low by historical standards.',
      ),
      paragraph(
        'Economists at several domestic banks said the statement made a cut at the September meeting the most likely outcome, provided the next two inflation reports show no surprises. The bank also lowered its growth forecast for this year to 0.8 percent, citing weak exports and subdued household spending.',
      ),
    ]),
  },
  {
    slug: 'dockworkers-at-port-halvern-walk-out-over-automation-plans',
    headline: 'Dockworkers at Port Halvern walk out over automation plans',
    dek: 'A 72-hour strike has halted container traffic at the region’s busiest port, with more than 30 ships waiting offshore.',
    section: 'business',
    authors: ['tomas-lindqvist'],
    tags: ['Labour', 'Trade', 'Shipping'],
    hoursAgo: 26,
    body: documentOf([
      paragraph(
        'Container traffic at Port Halvern came to a near standstill on Wednesday after about 2,400 dockworkers began a 72-hour strike over plans to automate two of the port’s five terminals.',
      ),
      paragraph(
        'The United Dock and Harbour Workers’ union said the operator, Halvern Terminals Group, had refused to guarantee that no jobs would be lost as automated cranes and driverless yard vehicles are introduced over the next four years. The company says the changes are needed to compete with larger ports along the coast.',
      ),
      pullquote(
        'Nobody here is against new technology. We are against being told about it in a press release.',
        'Ruth Abernathy, union branch secretary',
      ),
      heading('Ships queue offshore'),
      paragraph(
        'By Wednesday afternoon more than 30 vessels were anchored off the harbour, according to ship-tracking data. Freight forwarders said some carriers had begun diverting cargo to the smaller ports of Seldon and Ashby Bay, adding days to delivery times for importers.',
      ),
      paragraph(
        'It is the first full stoppage at Port Halvern in nearly two decades. A one-day walkout over shift patterns ended after the two sides agreed to binding arbitration, a route the union has so far rejected this time.',
      ),
      paragraph([
        text('Halvern Terminals chief executive Piet Vandermolen said the company had offered '),
        text('retraining for every affected worker', 2),
        text(
          ' and early retirement packages, and described the strike as “disproportionate.” He said the company remained open to talks under the supervision of the national mediation service.',
        ),
      ]),
      paragraph(
        'The port handles roughly a third of the region’s container imports, including a large share of food and consumer goods. Retailers’ associations warned that a prolonged dispute could lead to shortages on shelves within weeks, while the transport ministry urged both sides to return to the negotiating table before the strike ends on Saturday.',
      ),
    ]),
  },
  {
    slug: 'software-firms-lumetra-and-brightwave-agree-merger',
    headline: 'Software firms Lumetra and Brightwave agree $3.1 billion merger',
    dek: 'The all-share deal would combine two mid-sized business software makers and is expected to face scrutiny from competition regulators.',
    section: 'business',
    authors: ['tomas-lindqvist'],
    tags: ['Technology', 'Mergers', 'Markets'],
    hoursAgo: 74,
    body: documentOf([
      paragraph(
        'Lumetra and Brightwave, two mid-sized makers of accounting and payroll software for small businesses, said on Monday they had agreed to merge in an all-share deal valuing the combined company at about $3.1 billion.',
      ),
      paragraph([
        text('Under the terms, Lumetra shareholders will own '),
        text('58 percent', 1),
        text(
          ' of the new company and Brightwave shareholders the remaining 42 percent. The merged business will keep the Lumetra name and be led by its chief executive, Noor Haddad, while Brightwave co-founder Elias Brandvold becomes chair.',
        ),
      ]),
      paragraph(
        'The companies said the deal would generate around $120 million in annual cost savings within three years, mostly from combining data centres, sales teams and overlapping products. They did not say how many jobs would be affected; together they employ about 6,800 people.',
      ),
      paragraph(
        'In a call with analysts, Haddad said the decision had been driven by what customers were asking for:',
      ),
      quote(
        'Small businesses are tired of juggling five different tools to pay staff and file taxes. Together we can offer one platform that does it properly.',
      ),
      heading('Regulatory hurdles'),
      paragraph(
        'Analysts said the deal was likely to draw close attention from competition authorities because the two firms are among the largest providers of payroll software to companies with fewer than 50 employees. Both said they expected approvals to take nine to twelve months.',
      ),
      paragraph(
        'The deal comes as smaller software companies face rising pressure from larger rivals that bundle payroll, invoicing and banking services into a single subscription. Several competitors have been acquired over the past two years, and industry analysts expect further consolidation.',
      ),
      paragraph([
        text(
          'Shares in Brightwave rose 14 percent in early trading, while Lumetra slipped 3 percent. Details are set out in the ',
        ),
        link('https://example.org/filings/lumetra-brightwave-merger', 'joint merger announcement'),
        text(' filed with the securities regulator.'),
      ]),
    ]),
  },

  // -------------------------------------------------------------- science
  {
    slug: 'survey-finds-aldren-glacier-lost-a-fifth-of-its-volume-in-a-decade',
    headline: 'Survey finds Aldren Glacier lost a fifth of its volume in a decade',
    dek: 'Researchers combined drone mapping and ground radar to measure the retreat of one of the region’s largest valley glaciers.',
    section: 'science',
    authors: ['priya-raman'],
    tags: ['Climate', 'Glaciers', 'Research'],
    hoursAgo: 45,
    body: documentOf([
      paragraph(
        'The Aldren Glacier, one of the largest valley glaciers in the northern highlands, has lost about 21 percent of its ice volume over the past ten years, according to a survey published on Tuesday by researchers at the Nordvik Institute of Earth Sciences.',
      ),
      paragraph(
        'The team combined repeated drone mapping of the glacier’s surface with ground-penetrating radar measurements of its thickness, taken along more than 60 kilometres of transects during three field seasons. The tongue of the glacier has retreated by nearly 900 metres since the last comparable survey.',
      ),
      heading('Faster than expected'),
      paragraph([
        text('Lead author Dr. Sigrid Halvorsen said the rate of loss was '),
        text('roughly twice', 1),
        text(
          ' what earlier models had projected for this decade, largely because of warmer summers and reduced winter snowfall at lower elevations.',
        ),
      ]),
      pullquote(
        'We used to think of this glacier as a slow, steady system. The data show it is now responding within just a few seasons.',
        'Dr. Sigrid Halvorsen, Nordvik Institute of Earth Sciences',
      ),
      paragraph(
        'The findings matter well beyond the mountains. Meltwater from the Aldren feeds the Vessa river, which supplies drinking water and hydroelectric power to communities downstream. The researchers warned that summer flows could rise for a decade or two before falling sharply as the ice shrinks further.',
      ),
      paragraph(
        'The team also found that rock debris on the lower glacier, usually thought to insulate the ice, had done little to slow melting in recent summers, a result the authors said other monitoring groups should test on nearby glaciers.',
      ),
      paragraph(
        'The institute plans to install three permanent monitoring stations on the glacier next spring. The full dataset, including the radar profiles, will be made freely available so that water authorities and other research groups can use it in their own planning.',
      ),
    ]),
  },
  {
    slug: 'space-telescope-detects-water-vapour-on-distant-exoplanet',
    headline: 'Space telescope detects water vapour in atmosphere of distant exoplanet',
    dek: 'Astronomers say the signal from TK-2207 b, a planet about 140 light-years away, is the clearest yet for a world of its size.',
    section: 'science',
    authors: ['priya-raman'],
    tags: ['Space', 'Astronomy', 'Exoplanets'],
    hoursAgo: 98,
    body: documentOf([
      paragraph(
        'Astronomers using the Aurora Deep Space Telescope have detected water vapour in the atmosphere of TK-2207 b, a planet roughly twice the size of Earth orbiting a cool red dwarf star about 140 light-years away.',
      ),
      paragraph([
        text(
          'The team observed the planet as it passed in front of its star on four occasions, measuring how starlight filtered through its atmosphere. The results, published in the journal ',
        ),
        text('Planetary Astrophysics Letters', 2),
        text(', show a clear absorption signature at wavelengths associated with water.'),
      ]),
      paragraph(
        'TK-2207 b orbits close to its star, completing a full orbit every 11 days, and its estimated surface temperature of around 90C makes it unlikely to host life as we know it. But researchers said the detection was an important step in learning how to read the atmospheres of smaller, rocky worlds.',
      ),
      pullquote(
        'Ten years ago, measuring the air of a planet this small would have sounded like science fiction. Now it is a few nights of careful observing.',
        'Dr. Kwame Asante-Lund, lead author',
      ),
      heading('What comes next'),
      paragraph(
        'The team has requested further observing time to look for carbon dioxide and methane, which could help determine whether the planet has a thick, steamy atmosphere or a thinner one over a rocky surface. Other groups plan to study similar planets around nearby red dwarfs.',
      ),
      paragraph(
        'Independent astronomers called the result robust. Dr. Mei-Lin Okonkwo of the Halden Observatory, who was not involved in the study, said the team had carefully ruled out starspots on the host star, which can mimic the signature of water in less careful analyses.',
      ),
      paragraph([
        text(
          'The Aurora telescope, launched four years ago, orbits about 1.5 million kilometres from Earth. Its mission team has published an ',
        ),
        link('https://example.org/aurora-telescope/tk-2207b-explainer', 'illustrated explainer'),
        text(' on how transit spectroscopy works.'),
      ]),
    ]),
  },

  // -------------------------------------------------------------- culture
  {
    slug: 'national-maritime-museum-reopens-after-four-year-renovation',
    headline: 'National Maritime Museum reopens after four-year renovation',
    dek: 'A restored 19th-century hall, new galleries on coastal communities and free Sunday entry greet visitors returning to the harbourside museum.',
    section: 'culture',
    authors: ['helene-marchetti'],
    tags: ['Museums', 'History', 'Heritage'],
    hoursAgo: 122,
    body: documentOf([
      paragraph(
        'The National Maritime Museum in Port Halvern reopened to the public on Saturday after a four-year, 68-million-crown renovation, with queues stretching along the harbour wall well before the doors opened at 10 a.m.',
      ),
      paragraph(
        'The project restored the museum’s 19th-century Great Hall, whose iron-and-glass roof had been leaking for decades, and added a new wing housing four galleries. Around 2,000 objects are on display, a third of them never shown before.',
      ),
      heading('What to see'),
      bulletList([
        'The fully restored pilot cutter Marianne, suspended beneath the Great Hall roof',
        'A gallery devoted to the fishing communities of the northern coast, built from oral histories',
        'An interactive navigation room where visitors plot a course by the stars',
        'The museum’s collection of hand-drawn charts, some more than 300 years old',
      ]),
      paragraph([
        text('Director Beatrix Olumide said the aim had been to tell '),
        text('“the story of the people, not just the ships”', 2),
        text(
          '. Curators spent two years recording interviews with retired fishermen, net makers and dock workers, whose voices now play throughout the new galleries.',
        ),
      ]),
      pullquote(
        'My grandfather’s boat is in a photograph on that wall. I never thought I would see it in a museum.',
        'Visitor Tobias Reyne, 71',
      ),
      paragraph(
        'The renovation was funded by national heritage grants, a public appeal that raised more than 4 million crowns from around 11,000 donors, and a long-term loan from the city. The building now has step-free access throughout for the first time.',
      ),
      paragraph(
        'Entry to the permanent galleries is free on Sundays, and the museum has extended its opening hours on Thursdays until 9 p.m. A temporary exhibition on shipwrecks of the Tessel coast opens in the autumn.',
      ),
    ]),
  },
  {
    slug: 'quiet-family-drama-takes-top-prize-at-sarnow-film-festival',
    headline: 'Quiet family drama takes top prize at Sarnow Film Festival',
    dek: 'First-time director Leonie Varhaug won the Golden Lantern for “The Winter Orchard”, a story of three sisters selling their late father’s farm.',
    section: 'culture',
    authors: ['helene-marchetti'],
    tags: ['Film', 'Festivals', 'Awards'],
    hoursAgo: 200,
    body: documentOf([
      paragraph([
        text('A restrained family drama by a first-time director, '),
        text('The Winter Orchard', 2),
        text(
          ', won the Golden Lantern for best film at the Sarnow Film Festival on Sunday night, beating a field of 18 competition titles that included new work by several past winners.',
        ),
      ]),
      paragraph(
        'Directed by Leonie Varhaug, the film follows three sisters who return to their late father’s apple farm to prepare it for sale over a single snowbound week. It was shot in 28 days with a cast of mostly non-professional actors from the surrounding villages.',
      ),
      pullquote(
        'We made this film with almost nothing except patience and the generosity of people who let us into their homes.',
        'Leonie Varhaug, accepting the Golden Lantern',
      ),
      heading('Other winners'),
      bulletList([
        'Best director: Arturo Menéndez for the border thriller Salt Road',
        'Best performance: Ines Kowalczyk in Night Shift at the Hotel Meridian',
        'Jury prize: the documentary The Last Ferrymen',
        'Audience award: the animated feature Paper Moons',
      ]),
      paragraph(
        'Jury president Yusuf Demir said the panel had been struck by the film’s “complete confidence in silence,” noting that long stretches pass with almost no dialogue. Several critics had tipped it as an outside contender after its premiere midway through the festival.',
      ),
      paragraph(
        'The closing weekend was briefly disrupted by a power cut that delayed Saturday’s gala screening by two hours. Organisers blamed a faulty transformer near the main venue and offered audiences free tickets to a repeat showing.',
      ),
      paragraph(
        'Organisers said this year’s edition sold a record 142,000 tickets, up 12 percent on last year, helped by an expanded programme of outdoor screenings in the old town square. The Winter Orchard is expected to reach cinemas in the spring.',
      ),
    ]),
  },
];
