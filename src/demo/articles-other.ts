// Sport, opinion, video and science articles for the Meridian World News demo. All people, clubs and events are invented.
import type { DemoArticle } from './types.ts';
import { p, h, quote, list, img } from './types.ts';

export const otherArticles: DemoArticle[] = [
  // ── Sport: football ───────────────────────────────────────────────────────
  {
    headline: 'Harbour City clinch the title on the final day with a stoppage-time winner',
    standfirst:
      'A header in the 94th minute gave the club its first league championship in 31 years and sent rivals Ferrovia into second place.',
    section: 'sport/football',
    kind: 'news',
    authors: ['kenji-morita'],
    tags: ['Football', 'Championships'],
    hoursAgo: 16,
    updatedAfterHours: 2,
    hero: {
      caption: 'Harbour City players celebrate in front of their supporters after the final whistle.',
      credit: 'Meridian World News / Tiago Ferreira',
      alt: 'Footballers in blue shirts jumping together in front of a packed stand',
      palette: ['#1d4e89', '#f7f7f7', '#f2a541'],
    },
    body: [
      p(
        'Harbour City won their first league title in 31 years on Sunday, as defender Samuel Adeyemi headed in a corner deep into stoppage time to secure a 2-1 victory over Westbrook Athletic.',
      ),
      p(
        'Ferrovia, who began the day level on points with Harbour City but with a better goal difference, could only draw 1-1 away at Kingsport, leaving them two points short.',
      ),
      quote(
        'I have watched this club from the terraces since I was six years old. To score that goal, on that day, I still cannot believe it.',
        'Samuel Adeyemi, Harbour City defender',
      ),
      p(
        'Thousands of supporters poured onto the pitch at the final whistle, and the trophy presentation was delayed by nearly half an hour while stewards cleared the field.',
      ),
      quote(
        'We were not the richest team or the most famous. We were the most together, and in the end that is what counts.',
        'Marco Bellandi, Harbour City head coach',
      ),
      p(
        'Ferrovia’s coach, Rui Camacho, congratulated the champions and said his team had lost the title over the season, not on the final day.',
      ),
    ],
  },
  {
    headline: 'Women’s continental cup final sells out in record time',
    standfirst: 'All 62,000 tickets were sold within four hours, reflecting rapid growth in the popularity of the women’s game.',
    section: 'sport/football',
    kind: 'news',
    authors: ['kenji-morita'],
    tags: ['Football', 'Championships'],
    hoursAgo: 200,
    hero: {
      caption: 'Fans in scarves queue outside the stadium ticket office.',
      credit: 'File photo',
      alt: 'A long queue of people wearing football scarves outside a large stadium',
      palette: ['#7b2cbf', '#ff9e00', '#f8f9fa'],
    },
    body: [
      p(
        'Tickets for this year’s women’s continental cup final sold out in under four hours, organisers said, the fastest sale for any women’s club match in the competition’s history.',
      ),
      p(
        'The final, between Aurora Lisboa and Rheinstadt Frauen, will be played in front of 62,000 spectators next month. Last year’s final drew a crowd of about 38,000.',
      ),
      quote(
        'Five years ago we were giving tickets away to fill the lower tier. Now we are apologising to fans who could not get one.',
        'Clara Hoffmann, head of women’s competitions at the continental federation',
      ),
      p(
        'Broadcasters have also reported record audiences for the knockout rounds, and several clubs have announced plans to play more women’s matches in their main stadiums next season.',
      ),
    ],
  },
  {
    headline: 'Club owners vote to cap squad spending from next season',
    standfirst:
      'Teams will be limited to spending 70 percent of their revenue on wages, transfers and agents’ fees, but critics say loopholes remain.',
    section: 'sport/football',
    kind: 'news',
    authors: ['kenji-morita'],
    tags: ['Football', 'Courts'],
    hoursAgo: 310,
    hero: {
      caption: 'Club executives arrive for the league’s annual general meeting.',
      credit: 'File photo',
      alt: 'People in business suits walking into a modern glass building',
      palette: ['#3a506b', '#5bc0be', '#f0f3f5'],
    },
    body: [
      p(
        'Club owners in the top division have voted to introduce a cap on squad spending from next season, in the biggest change to the league’s financial rules in more than a decade.',
      ),
      p('The proposal was approved by 16 of the 20 clubs at the league’s annual meeting. Two clubs voted against and two abstained.'),
      h('What the new rules say'),
      list(
        [
          'Spending on player wages, transfer fees and agents’ fees is limited to 70 percent of club revenue',
          'Clubs that exceed the limit face fines in the first year and points deductions after that',
          'An independent panel will review club accounts every six months',
        ],
        'ordered',
      ),
      quote(
        'This is about making sure clubs still exist in fifty years. Too many have gambled their future on one promotion or one trophy.',
        'Helena Marsh, chair of the league',
      ),
      p(
        'At least one club has said it is considering a legal challenge, arguing that the cap restricts competition and favours clubs with larger existing revenues.',
      ),
    ],
  },

  // ── Sport: tennis ─────────────────────────────────────────────────────────
  {
    headline: 'Teenage qualifier reaches clay-court semi-final on her tour debut',
    standfirst: 'Seventeen-year-old Lucía Ferrante has won seven matches in eight days at the Riviera Open, including three in qualifying.',
    section: 'sport/tennis',
    kind: 'news',
    authors: ['kenji-morita'],
    tags: ['Tennis', 'Championships'],
    hoursAgo: 36,
    updatedAfterHours: 1,
    hero: {
      caption: 'Lucía Ferrante stretches for a forehand on the red clay.',
      credit: 'Meridian World News / Tiago Ferreira',
      alt: 'A young tennis player reaching for a ball on a red clay court',
      palette: ['#c8553d', '#f4e9cd', '#2e4057'],
    },
    body: [
      p(
        'Lucía Ferrante, a 17-year-old ranked outside the world’s top 300, reached the semi-finals of the Riviera Open on Friday with a 6-4 3-6 7-5 win over the fourth seed, Daria Kovac.',
      ),
      p(
        'Ferrante had to come through three rounds of qualifying to reach the main draw, and is playing in her first tournament on the main professional tour.',
      ),
      quote(
        'I came here hoping to win one match in qualifying. Now I am just trying not to think about it too much.',
        'Lucía Ferrante, after her quarter-final win',
      ),
      p('She will play the second seed, Mei Tanaka, for a place in the final. Tanaka has not dropped a set all week.'),
      quote(
        'She hits the ball very early and she is not afraid of anyone. That is a dangerous combination on clay.',
        'Daria Kovac, after her defeat',
      ),
    ],
  },
  {
    headline: 'Heat rules under review after players collapse at hard-court event',
    standfirst: 'Two players needed medical treatment as court temperatures passed 50C, prompting calls for earlier suspensions of play.',
    section: 'sport/tennis',
    alsoIn: ['science/health'],
    kind: 'news',
    authors: ['kenji-morita'],
    tags: ['Tennis', 'Public health', 'Climate'],
    hoursAgo: 280,
    hero: {
      caption: 'A player sits with an ice towel around her neck during a change of ends.',
      credit: 'File photo',
      alt: 'A tennis player resting on a courtside chair with a towel over her shoulders',
      palette: ['#f77f00', '#fcbf49', '#003049'],
    },
    body: [
      p(
        'Tennis organisers say they will review rules on playing in extreme heat after two players collapsed during matches at a hard-court tournament this week.',
      ),
      p(
        'Temperatures on court surfaces were measured at more than 50C during the afternoon sessions. Current rules allow play to be suspended only when a combined heat stress index passes a set threshold.',
      ),
      quote(
        'We are asking athletes to perform at their limit in conditions that are not safe for spectators sitting in the shade.',
        'Dr Anja Weber, sports physician',
      ),
      p(
        'Several players have called for afternoon matches to be moved to the evening during heatwaves, although broadcasters and organisers say this would be difficult to schedule.',
      ),
      quote(
        'Nobody wants to stop play. But nobody wants to see a player carried off court either.',
        'Tomás Lindgren, player representative on the tour council',
      ),
    ],
  },
  {
    headline: 'Veteran doubles pair announce retirement after 15 seasons together',
    standfirst: 'Ravi Kapoor and Niels Andersen won 38 titles as a team and will play their final event on home soil next month.',
    section: 'sport/tennis',
    kind: 'news',
    authors: ['kenji-morita'],
    tags: ['Tennis', 'Championships'],
    hoursAgo: 520,
    hero: {
      caption: 'Ravi Kapoor and Niels Andersen bump fists between points.',
      credit: 'File photo',
      alt: 'Two male tennis players touching fists at the net on a blue hard court',
      palette: ['#0077b6', '#90e0ef', '#ffffff'],
    },
    body: [
      p(
        'Doubles partners Ravi Kapoor and Niels Andersen have announced that they will retire at the end of the season, bringing to an end one of the longest partnerships in professional tennis.',
      ),
      p(
        'The pair won 38 titles together, including four major championships, and spent a combined 61 weeks ranked as the world’s top team.',
      ),
      quote(
        'We met as juniors when neither of us could hit a decent volley. Fifteen years later we are still arguing about who should take the middle ball.',
        'Niels Andersen',
      ),
      p('Their final tournament will be an indoor event next month, where they first won a title together in their second season.'),
    ],
  },

  // ── Opinion: columns ──────────────────────────────────────────────────────
  {
    headline: 'The quiet power of the clerk at the border crossing',
    standfirst: 'Peace deals are signed by presidents, but they succeed or fail in the hands of people who stamp the papers.',
    section: 'opinion/columns',
    kind: 'opinion',
    authors: ['amira-haddad'],
    tags: ['Diplomacy', 'Conflict', 'Trade'],
    hoursAgo: 50,
    body: [
      p(
        'I have spent more hours than I can count waiting at border crossings. In that time I have learned that the most powerful person in a conflict zone is often not the general or the minister, but the clerk with the stamp.',
      ),
      p(
        'The clerk decides whether a lorry of flour moves today or next week. The clerk decides whether a fee is official or not. And the clerk, more than any diplomat, knows whether a ceasefire is real.',
      ),
      quote('A peace agreement is a promise. A border crossing is where that promise is tested, one vehicle at a time.'),
      p(
        'Mediators tend to focus on maps and timetables, on withdrawal lines and prisoner lists. All of that matters. But if the people who run the crossings are not paid, trained and protected, the best-drafted agreement will quietly fail.',
      ),
      p(
        'The next round of talks should spend at least as much time on customs procedures as on communiqués. It is less glamorous work, *but it is the work that keeps people fed*.',
      ),
    ],
  },
  {
    headline: 'Interest rates cannot fix a housing shortage on their own',
    standfirst: 'Cutting borrowing costs may feel like relief for buyers, but without more homes it mostly pushes prices higher.',
    section: 'opinion/columns',
    kind: 'opinion',
    authors: ['daniel-whitcombe'],
    tags: ['Central banks', 'Inflation', 'Infrastructure'],
    hoursAgo: 160,
    body: [
      p(
        'Every time a central bank hints at a rate cut, the same hope follows: that homes will finally become affordable again. I understand the hope. I do not share it.',
      ),
      p(
        'Lower mortgage rates increase what buyers can borrow. If the number of homes for sale stays the same, that extra borrowing power tends to flow straight into higher prices. The monthly payment barely moves; the debt simply gets bigger.',
      ),
      h('The missing ingredient'),
      p(
        'The real constraint in most cities is supply. Planning systems are slow, construction workers are scarce and land near jobs is expensive. None of these problems is solved in a central bank meeting room.',
      ),
      quote('Monetary policy can make houses cheaper to finance. Only building can make them cheaper to own.'),
      p(
        'Governments that want to help first-time buyers should look at zoning, at public land and at training more builders. Waiting for the central bank to do the job is waiting for the wrong rescuer.',
      ),
    ],
  },
  {
    headline: 'Football’s spending cap is overdue, and still too timid',
    standfirst: 'The new rules are a welcome start, but a limit of 70 percent of revenue leaves plenty of room for reckless gambles.',
    section: 'opinion/columns',
    kind: 'opinion',
    authors: ['kenji-morita'],
    tags: ['Football', 'Courts'],
    hoursAgo: 300,
    body: [
      p(
        'For years, football clubs have behaved like gamblers on a losing streak, doubling their bets in the hope that the next season will pay for the last. The league’s decision to cap squad spending is a belated recognition of that problem.',
      ),
      p(
        'But the new limit is generous. A club spending 70 percent of its revenue on players still has very little left for stadium repairs, youth academies or a bad year on the pitch.',
      ),
      quote('A cap that only the most reckless clubs will ever touch is not a cap. It is a suggestion.'),
      p(
        'The threatened legal challenge also deserves a response. If the rules are fair and applied equally, the league should welcome the chance to defend them in court.',
      ),
      p(
        'Supporters have waited a long time for their clubs to be run as if they will still exist in fifty years. **This is a start. It should not be the finish.**',
      ),
    ],
  },

  // ── Opinion: editorials ───────────────────────────────────────────────────
  {
    headline: 'Let Valmont’s voters decide, and then respect the result',
    standfirst: 'The coming vote on lorry transit is a rare chance for a community to shape the infrastructure that shapes its life.',
    section: 'opinion/editorials',
    kind: 'opinion',
    authors: ['jonas-berg'],
    tags: ['Elections', 'Infrastructure', 'Climate'],
    hoursAgo: 22,
    hero: {
      caption: 'Morning mist hangs over a mountain village beside a busy transit road.',
      credit: 'Meridian World News / Jonas Berg',
      alt: 'A small village with church tower in a valley, a road running alongside',
      palette: ['#a3b18a', '#dad7cd', '#344e41'],
    },
    body: [
      p(
        'The decision of the Valmont regional assembly to put lorry transit to a referendum has been criticised by business groups as an abdication of responsibility. We disagree.',
      ),
      p(
        'For decades, decisions about the pass have been taken far from the valleys that live with their consequences: the noise, the fumes, the queues. Residents have a legitimate claim to a direct say.',
      ),
      p(
        'That does not mean the outcome is obvious. A cap could shift traffic onto other routes and raise costs for local firms. Voters deserve clear, honest information on both sides, and the regional government should publish its [traffic modelling](https://example.org/valmont/transit-study) in full before the campaign begins.',
      ),
      quote('Those who lose the vote must accept it, and those who win must govern for everyone in the valley.'),
      p(
        'Above all, the result must be respected. A vote that is ignored, delayed or quietly diluted would do more damage to public trust than any number of lorries.',
      ),
    ],
  },
  {
    headline: 'Water scarcity deserves the attention we give to oil',
    standfirst: 'From Andean capitals to Gulf cities, the next resource crisis is already here. It simply makes less noise.',
    section: 'opinion/editorials',
    kind: 'opinion',
    authors: ['daniel-whitcombe'],
    tags: ['Water', 'Climate', 'Energy'],
    hoursAgo: 230,
    hero: {
      caption: 'A dripping tap over a metal basin in a shared courtyard.',
      credit: 'File photo',
      alt: 'Close-up of water dripping from an old brass tap',
      palette: ['#6096ba', '#a3cef1', '#274c77'],
    },
    body: [
      p(
        'When the price of oil jumps, it leads news bulletins and moves markets within minutes. When a reservoir falls to a record low, it rarely makes the front page until the taps run dry.',
      ),
      p(
        'That imbalance is increasingly hard to justify. Water shortages now affect cities, farms and factories on every inhabited continent, and they interact with energy in ways that policy often ignores.',
      ),
      h('Three things governments should do'),
      list(
        [
          'Measure and publish water use by major industrial users, as many already do for carbon emissions',
          'Price water to reflect scarcity, while protecting a basic allowance for every household',
          'Invest in leak repair before building new supply, because the cheapest litre is the one not lost',
        ],
        'ordered',
      ),
      quote('A society that can track every barrel of oil should be able to account for every cubic metre of water.'),
      p(
        'None of this is glamorous. But the alternative is a series of local emergencies, each treated as a surprise, when the trend has been visible for years.',
      ),
    ],
  },

  // ── Video: reports ────────────────────────────────────────────────────────
  {
    headline: 'Video: Inside the night shift at a Gulf desalination plant',
    standfirst: 'Our Middle East team spent a night with the engineers who keep a city’s water flowing.',
    section: 'video/reports',
    alsoIn: ['news/middle-east'],
    kind: 'video',
    authors: ['amira-haddad'],
    tags: ['Water', 'Infrastructure'],
    hoursAgo: 12,
    updatedAfterHours: 3,
    hero: {
      caption: 'Engineers check gauges in the control room of the Ras Safi plant at night.',
      credit: 'Meridian World News / Karim Nassar',
      alt: 'Two engineers in front of a wall of glowing monitors in a dark control room',
      palette: ['#0b132b', '#3a86ff', '#5bc0be'],
    },
    body: [
      p(
        'When most of the city is asleep, about 40 engineers and technicians are at work in the control room and pump halls of the Ras Safi desalination plant.',
      ),
      p(
        'In this report, Amira Haddad follows the night shift as they monitor pressure, clean filters and respond to alarms, and asks what happens if the system fails.',
      ),
      quote(
        'People only think about us when the water stops. Our job is to make sure they never have to.',
        'Khalid Nasser, night shift supervisor',
      ),
      p('The report runs for eight minutes and includes footage from inside the new reverse-osmosis hall, which opened earlier this year.'),
    ],
  },
  {
    headline: 'Watch: Aboard the first freight train on the new East African line',
    standfirst: 'From the inland depot to the harbour, we rode along for the first commercial run of the new railway.',
    section: 'video/reports',
    alsoIn: ['news/africa'],
    kind: 'video',
    authors: ['adaeze-okafor'],
    tags: ['Infrastructure', 'Trade'],
    hoursAgo: 165,
    hero: {
      caption: 'The view from the locomotive cab as the train crosses open savannah.',
      credit: 'Meridian World News / Ibrahim Diallo',
      alt: 'A railway track stretching ahead through grassland towards distant hills',
      palette: ['#bc6c25', '#dda15e', '#606c38'],
    },
    body: [
      p(
        'Adaeze Okafor travelled on the first commercial freight train on the new East African railway, a journey of about 20 hours from an inland logistics hub to the coast.',
      ),
      p(
        'Along the way she speaks to the driver, to coffee exporters waiting at the depot and to villagers who watched the line being built across their land.',
      ),
      quote('I have driven lorries on that road for twenty years. Now I am driving a train past them.', 'Peter Kamau, locomotive driver'),
      p('The film also examines the debts taken on to build the line, and what it will take for the railway to pay its way.'),
    ],
  },
  {
    headline: 'Video: Fishing crews on the Pacific’s new conservation frontier',
    standfirst: 'A new regional pact sets tuna limits across a vast ocean. We joined a patrol to see how it will be enforced.',
    section: 'video/reports',
    alsoIn: ['news/asia-pacific'],
    kind: 'video',
    authors: ['priya-raman'],
    tags: ['Climate', 'Trade', 'Diplomacy'],
    hoursAgo: 410,
    hero: {
      caption: 'A patrol boat approaches a tuna fishing vessel on open water.',
      credit: 'Meridian World News / Arjun Mehta',
      alt: 'A small grey patrol boat near a larger fishing ship on a deep blue sea',
      palette: ['#023e8a', '#48cae4', '#caf0f8'],
    },
    body: [
      p(
        'Days after nine Pacific island states signed a landmark fisheries pact, Priya Raman joined a joint patrol to see how shared catch limits will be enforced across millions of square kilometres of ocean.',
      ),
      p('The report follows inspectors as they board a licensed fishing vessel and check its catch against electronic logbooks.'),
      quote(
        'The ocean is huge and our boats are few. Satellites help, but in the end someone has to climb aboard and look.',
        'Inspector Semi Tuilagi, regional fisheries patrol',
      ),
      p(
        'The film also hears from small-scale fishers who worry that the benefits of the pact will flow mainly to governments rather than to coastal villages.',
      ),
    ],
  },

  // ── Science: climate ──────────────────────────────────────────────────────
  {
    headline: 'Glacier melt in the high Andes outpaced forecasts last summer, study finds',
    standfirst:
      'Researchers measured ice losses about 30 percent higher than models predicted, with implications for water supplies downstream.',
    section: 'science/climate',
    alsoIn: ['news/americas'],
    kind: 'news',
    authors: ['tomas-ibarra', 'adaeze-okafor'],
    tags: ['Climate', 'Water'],
    hoursAgo: 55,
    updatedAfterHours: 5,
    hero: {
      caption: 'A glacier tongue ends in a grey meltwater lake high in the mountains.',
      credit: 'Handout',
      alt: 'A retreating glacier above a lake of cloudy grey water surrounded by bare rock',
      palette: ['#e0fbfc', '#98c1d9', '#3d5a80'],
    },
    body: [
      p(
        'Glaciers in the high Andes lost significantly more ice last summer than climate models had predicted, according to a new study based on field measurements at 14 sites.',
      ),
      p(
        'The researchers found that ice losses were on average about 30 percent higher than forecast, driven by unusually warm nights and a thin layer of dark dust that reduced the reflectivity of the ice.',
      ),
      img({
        caption: 'Researchers install a stake to measure ice thickness on the glacier surface.',
        credit: 'Handout',
        alt: 'Two scientists in bright jackets drilling into ice on a glacier',
        palette: ['#f1faee', '#e63946', '#457b9d'],
      }),
      quote(
        'Our models are good at capturing long-term trends. They are less good at capturing how quickly things can change in a single warm season.',
        'Dr Camila Fuentes, glaciologist and lead author of the study',
      ),
      p(
        'Glacier meltwater provides a crucial share of the dry-season water supply for several Andean cities. In the short term, faster melting increases river flows; in the long term, it means less ice to draw on.',
      ),
      p(
        'The study was published in a peer-reviewed journal, and a [summary of the findings](https://example.org/andes-glacier-study) is available online.',
      ),
    ],
  },
  {
    headline: 'Mangrove replanting cut storm damage in coastal villages, researchers say',
    standfirst: 'Villages with restored mangrove belts reported about half as many damaged homes after a major cyclone.',
    section: 'science/climate',
    kind: 'news',
    authors: ['priya-raman'],
    tags: ['Climate', 'Humanitarian aid', 'Infrastructure'],
    hoursAgo: 250,
    hero: {
      caption: 'Young mangrove saplings stand in rows in the tidal mud at low tide.',
      credit: 'Meridian World News / Arjun Mehta',
      alt: 'Rows of small green mangrove plants growing in shiny brown mud',
      palette: ['#386641', '#a7c957', '#6b4f3a'],
    },
    body: [
      p(
        'Coastal villages that replanted mangrove forests over the past decade suffered significantly less damage when a major cyclone struck last year, according to a study by a regional research institute.',
      ),
      p(
        'Researchers compared 40 villages along the same stretch of coast. Those protected by restored mangrove belts at least 200 metres wide reported about half as many damaged homes as those without.',
      ),
      quote(
        'Mangroves do not stop a storm, but they take the sting out of the waves. That can be the difference between a damaged house and a destroyed one.',
        'Dr Anjali Nair, coastal ecologist',
      ),
      p(
        'The study also found that villages with mangroves recovered their fishing income more quickly, as the forests act as nurseries for fish and crabs.',
      ),
      quote(
        'We planted them for the fish. We did not know they would also protect our homes.',
        'Suresh Pillai, fisherman and village council member',
      ),
    ],
  },
  {
    headline: 'Analysis: Heatwave warning texts reached millions, but not the most exposed',
    standfirst:
      'Mobile alerts are now standard in many countries. Evidence suggests they still miss outdoor workers and older people living alone.',
    section: 'science/climate',
    alsoIn: ['science/health'],
    kind: 'analysis',
    authors: ['priya-raman'],
    tags: ['Climate', 'Public health', 'Technology'],
    hoursAgo: 600,
    hero: {
      caption: 'A construction worker drinks water in the shade of a half-built tower.',
      credit: 'File photo',
      alt: 'A worker in a hard hat drinking from a bottle beside concrete pillars',
      palette: ['#ff7b00', '#ffb700', '#3d405b'],
    },
    body: [
      p(
        'In the past few years, heatwave warnings sent directly to mobile phones have become a standard tool for governments. During last summer’s record temperatures, alerts reached tens of millions of people within minutes.',
      ),
      p('But researchers studying heat-related hospital admissions say the warnings are least effective for the people most at risk.'),
      h('Who is missed'),
      list([
        'Older people living alone, who may not have smartphones or may ignore unfamiliar messages',
        'Outdoor workers, who receive the warning but cannot stop working',
        'People in informal housing without shade, fans or reliable electricity',
      ]),
      quote(
        'A text message tells you it is dangerous. It does not give you a cool room or a day off.',
        'Dr Farah Siddiqui, public health researcher',
      ),
      p(
        'Experts say warnings work best when they are linked to action: cooling centres that open automatically, rules that pause outdoor work, and volunteers who check on vulnerable neighbours.',
      ),
    ],
  },

  // ── Science: health ───────────────────────────────────────────────────────
  {
    headline: 'Malaria vaccine rollout expands to twelve more districts',
    standfirst: 'Health officials say early results from the first phase show a significant drop in severe cases among young children.',
    section: 'science/health',
    alsoIn: ['news/africa'],
    kind: 'news',
    authors: ['adaeze-okafor'],
    tags: ['Public health', 'Humanitarian aid'],
    hoursAgo: 9,
    updatedAfterHours: 3,
    hero: {
      caption: 'Mothers wait with their babies outside a rural health centre on vaccination day.',
      credit: 'Meridian World News / Ibrahim Diallo',
      alt: 'Women holding babies on a bench outside a small painted clinic',
      palette: ['#52b788', '#fefae0', '#bc4749'],
    },
    body: [
      p(
        'A malaria vaccination programme for young children is being expanded to twelve more districts, health officials announced on Tuesday, after early results showed a marked fall in severe cases.',
      ),
      p(
        'In the districts covered by the first phase, hospital admissions for severe malaria among children under five fell by about a third compared with similar districts that had not yet started vaccinating.',
      ),
      quote(
        'These are not just statistics. Every percentage point is a child who did not need a blood transfusion, or who did not die.',
        'Dr Ngozi Eze, director of the national malaria programme',
      ),
      p(
        'The vaccine requires four doses, and officials say keeping families coming back for later doses is the biggest challenge. Community health workers are sending text reminders and making home visits.',
      ),
      p('Health experts stress that the vaccine works alongside, not instead of, bed nets and prompt treatment.'),
    ],
  },
  {
    headline: 'Hospitals report shortages of common antibiotics as suppliers consolidate',
    standfirst: 'Doctors say they are being forced to use broader-spectrum drugs, raising concerns about antimicrobial resistance.',
    section: 'science/health',
    alsoIn: ['business/markets'],
    kind: 'news',
    authors: ['priya-raman', 'daniel-whitcombe'],
    tags: ['Public health', 'Trade'],
    hoursAgo: 180,
    hero: {
      caption: 'Near-empty shelves in a hospital pharmacy storeroom.',
      credit: 'File photo',
      alt: 'Metal shelves with only a few boxes of medicine remaining',
      palette: ['#e5e5e5', '#14213d', '#fca311'],
    },
    body: [
      p(
        'Hospitals in several countries are reporting shortages of common, low-cost antibiotics, as a small number of manufacturers produce an increasing share of the world’s supply.',
      ),
      p(
        'Pharmacists say shortages of older drugs, used to treat ear infections, pneumonia and skin infections, have become more frequent over the past two years.',
      ),
      quote(
        'When the first-choice antibiotic is not available, we reach for a broader one. That works for the patient today, but it feeds resistance for everyone tomorrow.',
        'Dr Oliver Grant, hospital infectious diseases specialist',
      ),
      p(
        'Manufacturers say the prices paid for generic antibiotics are too low to justify investment in new production lines. Some governments are considering guaranteed purchase contracts to encourage more suppliers.',
      ),
      quote(
        'You cannot expect a resilient supply chain for a product that is sold at a loss.',
        'Margarethe Lund, director of a generic medicines trade association',
      ),
    ],
  },
  {
    headline: 'Classroom air quality sensors reveal wide gaps between schools',
    standfirst: 'A year of data from 500 classrooms shows carbon dioxide levels regularly exceeding guidelines in older buildings.',
    section: 'science/health',
    kind: 'news',
    authors: ['priya-raman'],
    tags: ['Public health', 'Technology', 'Infrastructure'],
    hoursAgo: 690,
    body: [
      p(
        'A year-long study using low-cost sensors in 500 classrooms has found large differences in air quality between schools, with older buildings regularly exceeding recommended carbon dioxide levels.',
      ),
      p(
        'Carbon dioxide is used as a proxy for ventilation. High levels indicate that stale air is not being replaced, which can increase the spread of respiratory infections and affect concentration.',
      ),
      quote(
        'In some rooms, simply opening two windows for ten minutes between lessons made a measurable difference. In others, the windows do not open at all.',
        'Dr Hannah Lindberg, environmental health scientist who led the study',
      ),
      p(
        'The researchers recommend that schools install sensors in every classroom and prioritise ventilation upgrades in buildings with the worst readings. Their [full report](https://example.org/classroom-air-study) includes guidance for teachers.',
      ),
      p('Education officials said they would use the findings to target a building improvement fund announced earlier this year.'),
    ],
  },
];
