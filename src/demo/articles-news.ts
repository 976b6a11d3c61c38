// News articles for the Meridian World News demo. All people, quotes and events are invented.
import type { DemoArticle } from './types.ts';
import { p, h, quote, list, img } from './types.ts';

export const newsArticles: DemoArticle[] = [
  // ── Middle East ────────────────────────────────────────────────────────────
  {
    headline: 'Ceasefire in Qadira province holds for a third day as aid convoys move north',
    standfirst:
      'Trucks carrying food, fuel and medical supplies reached towns cut off for weeks, though both sides reported isolated violations overnight.',
    section: 'news/middle-east',
    kind: 'news',
    authors: ['amira-haddad'],
    tags: ['Conflict', 'Humanitarian aid', 'Diplomacy'],
    hoursAgo: 3,
    updatedAfterHours: 2,
    hero: {
      caption: 'A line of white aid lorries waits at a checkpoint on the northern highway at dawn.',
      credit: 'Meridian World News / Karim Nassar',
      alt: 'Aid lorries queued on a desert highway under a pale morning sky',
      palette: ['#d9b382', '#f2e6d0', '#5b6b7a'],
    },
    body: [
      p(
        'The ceasefire in Qadira province held for a third consecutive day on Thursday, allowing the largest aid convoy in more than a month to travel north towards towns that had been cut off by fighting since early spring.',
      ),
      p(
        'Forty-two lorries left the southern depot at Tal Mahra shortly after sunrise, according to the regional relief coordination office. By early afternoon the first vehicles had reached the market town of Ain Sabra, where residents queued outside a school that has been turned into a distribution point.',
      ),
      quote(
        'For the first time in weeks we are moving during the day rather than waiting for a window at night. That alone changes what we can deliver.',
        'Lina Farouk, convoy coordinator for the Northern Relief Alliance',
      ),
      h('What the convoy carried'),
      list([
        'Flour and rice for roughly 30,000 people for two weeks',
        'Diesel for hospital generators and water pumps',
        'Insulin, antibiotics and surgical supplies',
        'Hygiene kits and water purification tablets',
      ]),
      p(
        'Both sides accused each other of breaching the truce overnight, with reports of small-arms fire near the river crossing at Wadi Hamra. No casualties were reported, and a joint monitoring committee said it was investigating.',
      ),
      quote(
        'The incidents were limited and, so far, contained. The question now is whether commanders on the ground are willing to keep it that way.',
        'Youssef Bakri, member of the joint monitoring committee',
      ),
      p(
        'Aid groups say the current arrangement, agreed for an initial ten days, is too short to rebuild stocks in the north. Talks on an extension are due to resume in the coming days.',
      ),
    ],
  },
  {
    headline: 'Mediators draft phased prisoner exchange to shore up fragile truce',
    standfirst: 'A proposal seen by Meridian World News would release detainees in three stages, each tied to the ceasefire holding.',
    section: 'news/middle-east',
    kind: 'news',
    authors: ['amira-haddad'],
    tags: ['Diplomacy', 'Conflict'],
    hoursAgo: 30,
    updatedAfterHours: 1,
    hero: {
      caption: 'Delegates leave a hotel conference room after a late session of talks.',
      credit: 'File photo',
      alt: 'Figures in suits walking along a softly lit hotel corridor',
      palette: ['#2e3a4f', '#c9a66b', '#e8e2d6'],
    },
    body: [
      p(
        'Mediators have drafted a plan for a phased exchange of prisoners between the two sides in the Qadira conflict, in an effort to turn a short-term ceasefire into a more durable arrangement.',
      ),
      p(
        'Under the draft, a first group of detainees, mostly older people and those with serious medical conditions, would be released within a week. Two further stages would follow only if monitors confirm that the truce has been respected.',
      ),
      quote(
        'Each step has to build confidence for the next one. Nobody expects trust to appear overnight, so we are trying to make it measurable.',
        'Rana Issa, a senior diplomat involved in the mediation',
      ),
      p(
        'Negotiators for both sides have not publicly commented on the document. One official familiar with the talks said disagreements remained over the total number of detainees and over who would verify their identities.',
      ),
      p(
        'Families of detainees gathered outside the provincial courthouse on Wednesday evening, holding photographs of relatives who have not been heard from for months.',
      ),
      quote(
        'We are told to be patient. We have been patient for two years.',
        'Hala Mansour, whose brother has been held since the start of the conflict',
      ),
    ],
  },
  {
    headline: 'Gulf coast desalination plant doubles output ahead of summer demand',
    standfirst:
      'Engineers say a new reverse-osmosis hall will supply water to about 400,000 more homes, but environmental groups warn about brine discharge.',
    section: 'news/middle-east',
    alsoIn: ['business/energy'],
    kind: 'news',
    authors: ['amira-haddad'],
    tags: ['Water', 'Infrastructure', 'Energy'],
    hoursAgo: 150,
    hero: {
      caption: 'Rows of pressure vessels inside the new reverse-osmosis hall at the Ras Safi plant.',
      credit: 'Handout',
      alt: 'Long rows of white cylindrical tanks inside a brightly lit industrial hall',
      palette: ['#e6f0f5', '#3d7ea6', '#9fb8c6'],
    },
    body: [
      p(
        'A desalination plant on the Gulf coast has doubled its daily output after a new processing hall came online this week, its operator said, ahead of the summer months when demand for water typically peaks.',
      ),
      p(
        'The Ras Safi facility now produces about 900,000 cubic metres of drinking water a day. The expansion was built over three years by a consortium led by the engineering firm Coralline Systems.',
      ),
      img({
        caption: 'Seawater intake pipes run from the plant into the shallow waters of the bay.',
        credit: 'Meridian World News / Karim Nassar',
        alt: 'Large pipes crossing a sandy shore into calm turquoise water',
        palette: ['#4fb3bf', '#f4e3c1', '#1f5f73'],
      }),
      quote(
        'Every drop of water in this city has a cost in energy. Our job is to bring that cost down year after year.',
        'Faisal Al-Amiri, plant director at Ras Safi',
      ),
      h('Concerns over brine'),
      p(
        'Environmental researchers say the plant’s waste brine, which is about twice as salty as seawater, could harm seagrass beds and fish nurseries close to the outfall. The operator says new diffusers spread the discharge over a wider area.',
      ),
      quote(
        'The technology has improved, but the sea here is shallow and warm. We need independent monitoring, not just assurances.',
        'Dr Noor Saleh, marine scientist',
      ),
      p(
        'The plant draws part of its power from a neighbouring solar farm, and its operator says it aims to run on renewable energy for half of its daylight operations by the end of the decade.',
      ),
    ],
  },
  {
    headline: 'Analysis: Why the Qadira truce depends on who controls the border crossings',
    standfirst:
      'The three crossings along the eastern frontier are both lifelines for civilians and lucrative sources of revenue for armed groups.',
    section: 'news/middle-east',
    kind: 'analysis',
    authors: ['amira-haddad'],
    tags: ['Conflict', 'Diplomacy', 'Trade'],
    hoursAgo: 52,
    hero: {
      caption: 'A border gate stands half open as a lorry waits for inspection.',
      credit: 'Meridian World News / Karim Nassar',
      alt: 'A metal border gate in a dusty landscape with a lorry in the distance',
      palette: ['#b08d57', '#6e6259', '#e9dcc3'],
    },
    body: [
      p(
        'The ceasefire in Qadira province has so far been judged by a simple measure: whether the guns fall silent. But diplomats involved in the talks say the real test lies elsewhere, at three modest border posts along the eastern frontier.',
      ),
      h('Lifelines and tollbooths'),
      p(
        'The crossings at Bab al-Sharq, Qasr Nabil and Ein Tarek handle almost all of the fuel, food and consumer goods that enter the province. For civilians, they are a lifeline. For the armed groups that control them, they are also a source of income through informal fees on every lorry.',
      ),
      quote(
        'Whoever holds the crossings holds the economy of the north. A truce that ignores that is a truce built on sand.',
        'Samir Haddad, researcher at the Levant Policy Forum',
      ),
      p(
        'Under the current arrangement, control of the crossings is frozen in place. Mediators want to move towards a joint customs authority, but each side fears losing leverage before any political settlement is reached.',
      ),
      h('What could change'),
      p(
        'Two ideas are under discussion: a shared revenue fund to pay public salaries in the province, and international monitors stationed at each crossing. Neither has been agreed, and both would need backing from regional governments.',
      ),
      p(
        'For now, traders in Ain Sabra say prices have fallen slightly since the fighting stopped. Whether that lasts will depend less on what is signed in conference rooms than on who stamps the papers at the gate.',
      ),
    ],
  },

  // ── Europe ────────────────────────────────────────────────────────────────
  {
    headline: 'Alpine region of Valmont to hold referendum on limiting lorry transit',
    standfirst: 'Voters will decide in the autumn whether to cap the number of heavy goods vehicles crossing the mountain pass each day.',
    section: 'news/europe',
    kind: 'news',
    authors: ['jonas-berg'],
    tags: ['Elections', 'Infrastructure', 'Climate'],
    hoursAgo: 20,
    updatedAfterHours: 2,
    hero: {
      caption: 'Lorries climb the switchbacks of the Valmont pass beneath snow-capped peaks.',
      credit: 'Meridian World News / Jonas Berg',
      alt: 'A winding mountain road with lorries, surrounded by green slopes and snowy summits',
      palette: ['#7fa36b', '#dfe8ef', '#4a5a6a'],
    },
    body: [
      p(
        'The regional assembly of Valmont voted on Tuesday to hold a referendum on limiting heavy lorry traffic across the Valmont pass, one of the busiest freight routes through the mountains.',
      ),
      p(
        'The measure passed by 41 votes to 29 after a debate lasting more than seven hours. The vote will take place in October, and the result will be binding on the regional government.',
      ),
      h('What voters will be asked'),
      list(
        [
          'Whether to cap heavy goods vehicles at 3,000 crossings a day, down from an average of about 4,600',
          'Whether to ban night-time lorry traffic between 10pm and 5am',
          'Whether revenue from a new transit charge should fund a rail freight terminal',
        ],
        'ordered',
      ),
      quote(
        'People in these valleys have breathed diesel fumes for thirty years. They deserve to have the final word.',
        'Marta Keller, member of the regional assembly',
      ),
      quote(
        'A cap would simply push traffic onto other routes and hurt local businesses that depend on deliveries.',
        'Anton Grüber, chair of the Valmont Chamber of Commerce',
      ),
      p(
        'Hauliers’ associations in neighbouring regions have warned that a cap could cause queues at the pass during peak periods. Supporters argue that a planned rail terminal at the foot of the valley could absorb much of the freight within five years.',
      ),
    ],
  },
  {
    headline: 'Rhine barge operators warn of low-water surcharges as levels fall',
    standfirst:
      'Vessels are sailing at a third of their capacity on some stretches, pushing up the cost of moving coal, grain and chemicals.',
    section: 'news/europe',
    alsoIn: ['business/markets'],
    kind: 'news',
    authors: ['jonas-berg'],
    tags: ['Shipping', 'Water', 'Trade'],
    hoursAgo: 75,
    hero: {
      caption: 'A partly loaded barge passes exposed sandbanks on a wide, slow river.',
      credit: 'Meridian World News / Jonas Berg',
      alt: 'A long cargo barge on a river with pale sandbanks visible along the edges',
      palette: ['#8a9a7b', '#c9c1a6', '#44576b'],
    },
    body: [
      p(
        'Barge operators on the Rhine say they will add low-water surcharges to freight contracts from next week, as a dry spell leaves water levels on some stretches close to the lowest on record for the time of year.',
      ),
      p(
        'At a key gauge in the middle reaches of the river, the measured depth fell to about 80 centimetres on Monday. Many vessels are carrying only a third of their usual load to avoid running aground.',
      ),
      quote(
        'We are sailing the same distance with a fraction of the cargo. Someone has to pay for that difference.',
        'Pieter van Damme, managing director of the barge operator Rijnvaart Logistics',
      ),
      p(
        'Industrial users along the river, including chemical plants and steelworks, have begun shifting some deliveries to rail and road. Rail operators say they have limited spare capacity at short notice.',
      ),
      p(
        'Forecasters expect some rain later in the month, but say it is unlikely to restore normal levels quickly without sustained rainfall in the mountains upstream.',
      ),
    ],
  },
  {
    headline: 'Port strike at Nordhaven enters second week as talks stall',
    standfirst: 'Dock workers are demanding guarantees over automation, while shipping lines divert vessels to rival ports.',
    section: 'news/europe',
    kind: 'news',
    authors: ['jonas-berg'],
    tags: ['Shipping', 'Trade', 'Technology'],
    hoursAgo: 110,
    hero: {
      caption: 'Idle cranes stand over stacked containers at the Nordhaven terminal.',
      credit: 'Meridian World News / Jonas Berg',
      alt: 'Tall container cranes at rest over colourful stacks of shipping containers',
      palette: ['#c0392b', '#2c3e50', '#95a5a6'],
    },
    body: [
      p(
        'A strike by dock workers at the northern port of Nordhaven entered its second week on Monday after overnight talks between unions and terminal operators ended without agreement.',
      ),
      p(
        'The dispute centres on plans to introduce remotely operated cranes and automated straddle carriers at the port’s largest container terminal. Unions want written guarantees that no permanent jobs will be cut as a result.',
      ),
      quote(
        'We are not against new machines. We are against being told that we will find out about our future from a press release.',
        'Ingrid Solberg, spokesperson for the Nordhaven Dockworkers’ Union',
      ),
      quote(
        'Our offer protects every current job until 2030. We remain ready to talk at any hour.',
        'Henrik Aalto, chief executive of Nordhaven Container Terminals',
      ),
      p(
        'At least 14 container ships have been diverted to other ports in the region since the strike began, according to port authority figures. Retailers have warned of gaps on shelves if the dispute continues into next month.',
      ),
    ],
  },
  {
    headline: 'Coastal towns test early-warning sirens for flash floods after deadly autumn',
    standfirst: 'A pilot scheme across six Mediterranean municipalities links river sensors to sirens and mobile alerts.',
    section: 'news/europe',
    alsoIn: ['science/climate'],
    kind: 'news',
    authors: ['jonas-berg'],
    tags: ['Climate', 'Infrastructure', 'Technology'],
    hoursAgo: 260,
    hero: {
      caption: 'A technician fixes a water-level sensor to a bridge above a dry river bed.',
      credit: 'Handout',
      alt: 'A worker in a hard hat attaching a device to the side of a stone bridge',
      palette: ['#e0c9a6', '#6d8ea0', '#2f4858'],
    },
    body: [
      p(
        'Six coastal towns on the Mediterranean have begun testing a flash flood warning system that links sensors in river beds to public sirens and mobile phone alerts, a year after sudden floods swept through the area.',
      ),
      p(
        'The sensors measure water levels and rainfall every minute and send alerts automatically when thresholds are crossed. Local officials say the aim is to give residents at least 20 minutes of warning.',
      ),
      quote(
        'Last autumn the water arrived faster than anyone could knock on doors. Twenty minutes is the difference between a ruined car and a lost life.',
        'Elena Moretti, civil protection officer for the coastal district',
      ),
      p(
        'The pilot is being funded through a regional resilience programme and will be evaluated after one year. Officials say it could be extended to more than 40 towns if successful.',
      ),
      p('Residents will hear a test of the sirens on the first Sunday of each month at noon.'),
    ],
  },

  // ── Russia ────────────────────────────────────────────────────────────────
  {
    headline: 'Siberian city restores heating after week-long pipe failure',
    standfirst: 'Thousands of residents of Verkhnegorsk spent days in sub-zero temperatures after a main heating pipe burst.',
    section: 'news/russia',
    kind: 'news',
    authors: ['jonas-berg'],
    tags: ['Infrastructure', 'Energy'],
    hoursAgo: 40,
    updatedAfterHours: 6,
    hero: {
      caption: 'Steam rises from a trench where repair crews replaced a section of pipe.',
      credit: 'File photo',
      alt: 'Workers in heavy coats standing by a steaming trench in a snowy street',
      palette: ['#dfe6ec', '#5c6b78', '#b6452c'],
    },
    body: [
      p(
        'Heating has been restored to most homes in the Siberian city of Verkhnegorsk, local authorities said, a week after a main pipe burst and left about 18,000 residents without heat as temperatures fell below minus 25C.',
      ),
      p(
        'Repair crews worked around the clock to replace a 300-metre section of the pipe, which was laid in the 1970s. Schools were closed for five days and several hundred people stayed in temporary shelters in sports halls.',
      ),
      quote(
        'We have replaced the damaged section, but much of the network is just as old. This will not be the last repair of its kind.',
        'Oleg Tarasenko, acting head of the city’s utilities department',
      ),
      p(
        'Residents described wearing coats indoors and using electric heaters, which caused several local power cuts. Some said they had complained about leaks in the pipe for years.',
      ),
      quote(
        'My children slept in their winter jackets for four nights. We were told it would be fixed by the weekend, then the next weekend.',
        'Svetlana Ivanova, a resident of the Zarechny district',
      ),
      p('Regional officials have promised an inspection of the remaining network before the end of winter.'),
    ],
  },
  {
    headline: 'Arctic shipping season opens early as sea ice retreats along northern route',
    standfirst: 'The first commercial convoy of the year set sail nearly three weeks earlier than the average of the past decade.',
    section: 'news/russia',
    alsoIn: ['science/climate'],
    kind: 'news',
    authors: ['jonas-berg'],
    tags: ['Shipping', 'Climate', 'Trade'],
    hoursAgo: 190,
    hero: {
      caption: 'A cargo ship follows an icebreaker through broken sea ice under a low sun.',
      credit: 'Handout',
      alt: 'A red-hulled icebreaker leading a cargo ship through white floating ice',
      palette: ['#f0f4f7', '#9cb7c9', '#a4302a'],
    },
    body: [
      p(
        'The first commercial convoy of the season has begun its voyage along the Arctic shipping route, nearly three weeks earlier than the average start date of the past decade, as sea ice continues to retreat.',
      ),
      p(
        'The convoy of four vessels, carrying fertiliser, timber and liquefied gas, is being escorted by an icebreaker for the first part of the journey.',
      ),
      quote(
        'The ice is thinner and breaks up earlier every year. For shipping that means opportunity, but for the Arctic it is a warning sign.',
        'Dr Mikhail Lebedev, polar oceanographer',
      ),
      p(
        'Shipping volumes on the route remain small compared with traditional routes through the Suez Canal. Insurers still charge high premiums because of the risks of ice, fog and limited rescue capacity.',
      ),
      p(
        'Environmental groups have called for stricter rules on heavy fuel oil in Arctic waters, arguing that a spill in the region would be extremely difficult to clean up.',
      ),
    ],
  },
  {
    headline: 'Black Sea grain exporters face higher insurance costs after winter storms',
    standfirst: 'A run of severe storms damaged berths and delayed loadings, prompting insurers to raise premiums for the coming season.',
    section: 'news/russia',
    alsoIn: ['business/markets'],
    kind: 'news',
    authors: ['jonas-berg', 'daniel-whitcombe'],
    tags: ['Agriculture', 'Trade', 'Shipping'],
    hoursAgo: 330,
    hero: {
      caption: 'Grain pours from a conveyor into the hold of a bulk carrier at a harbour terminal.',
      credit: 'File photo',
      alt: 'A stream of golden grain falling into a ship hold beside a concrete quay',
      palette: ['#d4a84b', '#2f3e46', '#84a98c'],
    },
    body: [
      p(
        'Grain exporters on the Black Sea coast are facing sharply higher insurance costs after a series of winter storms damaged port infrastructure and delayed loadings for several weeks.',
      ),
      p(
        'Brokers say premiums for bulk carriers calling at smaller ports in the region have risen by as much as a quarter compared with last year. Larger terminals with newer breakwaters have been less affected.',
      ),
      quote(
        'Insurers have had a bad winter in this region. They are pricing in the idea that extreme storms are no longer rare events.',
        'Andrei Volkov, marine insurance broker',
      ),
      p(
        'Traders say the extra costs are likely to be passed on to buyers in North Africa and the Middle East, which rely heavily on wheat from the region.',
      ),
    ],
  },

  // ── Americas ──────────────────────────────────────────────────────────────
  {
    headline: 'Andean water board approves rationing plan as reservoirs hit record low',
    standfirst:
      'Households in the capital will face scheduled cuts of up to 12 hours a week, while farmers are asked to reduce irrigation.',
    section: 'news/americas',
    kind: 'news',
    authors: ['tomas-ibarra'],
    tags: ['Water', 'Climate', 'Agriculture'],
    hoursAgo: 14,
    updatedAfterHours: 4,
    hero: {
      caption: 'Cracked mud lines the edge of a reservoir far below its usual level.',
      credit: 'Meridian World News / Lucía Paredes',
      alt: 'A reservoir with a wide band of dry, cracked earth around the water',
      palette: ['#c2a27c', '#6f8fa6', '#e8dccb'],
    },
    body: [
      p(
        'The water board serving an Andean capital of five million people has approved a rationing plan after the main reservoirs fell to their lowest level since records began, following months of below-average rainfall.',
      ),
      p(
        'Under the plan, neighbourhoods will have water supplies cut on a rotating schedule for up to 12 hours a week. Hospitals, schools and fire stations will be exempt.',
      ),
      img({
        caption: 'Residents fill containers from a municipal water tanker in a hillside neighbourhood.',
        credit: 'Meridian World News / Lucía Paredes',
        alt: 'People holding plastic containers beside a blue water tanker on a steep street',
        palette: ['#2f6690', '#d9dcd6', '#c97b4a'],
      }),
      quote(
        'We would rather ask people to make a small sacrifice now than face a crisis in three months.',
        'Carolina Mejía, president of the metropolitan water board',
      ),
      p(
        'Farmers in the valleys below the city have been asked to cut irrigation by 30 percent. Farmers’ groups say they will need compensation to avoid crop losses.',
      ),
      quote(
        'The city drinks first, we understand that. But if our fields dry out, the city will not eat.',
        'Rodrigo Quispe, leader of a valley irrigation cooperative',
      ),
      p(
        'Meteorologists say the rainy season is expected to begin late this year. The board will review the rationing schedule every two weeks.',
      ),
    ],
  },
  {
    headline: 'Court orders full recount in tight San Lorenzo governor’s race',
    standfirst: 'Judges cited inconsistencies in tally sheets from 212 polling stations in a contest decided by fewer than 4,000 votes.',
    section: 'news/americas',
    kind: 'news',
    authors: ['tomas-ibarra'],
    tags: ['Courts', 'Elections'],
    hoursAgo: 88,
    updatedAfterHours: 4,
    hero: {
      caption: 'Election officials carry sealed ballot boxes into a regional courthouse.',
      credit: 'Meridian World News / Lucía Paredes',
      alt: 'Officials carrying cardboard boxes up the steps of a columned building',
      palette: ['#f1e3c6', '#3b4a6b', '#b23a48'],
    },
    body: [
      p(
        'The electoral court in the state of San Lorenzo has ordered a full recount of last month’s governor’s election, which was decided by fewer than 4,000 votes out of more than two million cast.',
      ),
      p(
        'In a unanimous ruling, the three judges said tally sheets from 212 polling stations contained inconsistencies that could not be explained by simple clerical errors.',
      ),
      quote(
        'The court does not find evidence of fraud. It finds enough doubt that only a recount can restore confidence in the result.',
        'Judge Beatriz Soler, presiding magistrate of the electoral court',
      ),
      p(
        'The declared winner, Manuel Ortega, said he respected the decision and was confident the result would stand. His opponent, Isabel Rivas, called the ruling a victory for transparency.',
      ),
      p(
        'The recount is expected to take about three weeks and will be observed by representatives of both campaigns and independent monitors.',
      ),
    ],
  },
  {
    headline: 'Shelters in northern border city stretched as migrant arrivals rise',
    standfirst: 'Volunteers say beds, food and medical care are running short as more families arrive than at any time this year.',
    section: 'news/americas',
    kind: 'news',
    authors: ['tomas-ibarra'],
    tags: ['Migration', 'Humanitarian aid', 'Public health'],
    hoursAgo: 220,
    hero: {
      caption: 'Children play in the courtyard of a church-run shelter as families wait for news.',
      credit: 'Meridian World News / Lucía Paredes',
      alt: 'Children in a courtyard with mattresses and bags stacked against a wall',
      palette: ['#e9c46a', '#264653', '#f4a261'],
    },
    body: [
      p(
        'Shelters in a northern border city say they are operating at nearly twice their capacity, as the number of migrant families arriving has risen sharply over the past month.',
      ),
      p(
        'The largest shelter, run by a church charity, is housing about 600 people in a space designed for 300. Volunteers say they are running low on baby formula, blankets and basic medicines.',
      ),
      quote(
        'Every morning we open the gate and there are new families waiting. We have never said no to anyone, but we are close to the limit.',
        'Sister Teresa Alvarado, director of the Casa de Paso shelter',
      ),
      p(
        'Local health workers have reported rising cases of respiratory infections and dehydration, particularly among young children who have travelled for weeks.',
      ),
      quote(
        'Most of what we treat is preventable. People arrive exhausted, and then they sleep on cold floors.',
        'Dr Luis Herrera, volunteer physician',
      ),
      p(
        'City officials have asked the state government for emergency funding and have opened a sports centre as a temporary overflow shelter.',
      ),
    ],
  },

  // ── Asia-Pacific ──────────────────────────────────────────────────────────
  {
    headline: 'Typhoon-hit island communities begin rebuilding as power returns',
    standfirst:
      'Electricity has been restored to most of the archipelago a week after the storm, but thousands remain in evacuation centres.',
    section: 'news/asia-pacific',
    kind: 'news',
    authors: ['priya-raman'],
    tags: ['Climate', 'Humanitarian aid', 'Infrastructure'],
    hoursAgo: 7,
    updatedAfterHours: 5,
    hero: {
      caption: 'Residents repair a tin roof as linemen restring power cables in the street below.',
      credit: 'Meridian World News / Arjun Mehta',
      alt: 'People on a corrugated roof with utility workers on a pole nearby',
      palette: ['#5f8d4e', '#a4bed0', '#d8c3a5'],
    },
    body: [
      p(
        'Communities across a chain of islands hit by a powerful typhoon last week have begun rebuilding homes and reopening markets, as electricity returns to most areas.',
      ),
      p(
        'The national disaster agency said power had been restored to about 85 percent of households, but nearly 14,000 people remain in evacuation centres because their homes were destroyed or badly damaged.',
      ),
      quote(
        'The first week was about keeping people alive. Now the work is about roofs, wells and getting children back to school.',
        'Maria Santos, regional director of the disaster response office',
      ),
      p(
        'Fishing families have been among the hardest hit. Many lost boats and nets when the storm surge swept through harbours on the eastern coast.',
      ),
      quote('My boat was my whole income. Without it, I cannot feed my family.', 'Ramon dela Cruz, fisherman'),
      p(
        'Aid agencies have appealed for funds to replace fishing equipment and to repair schools, many of which are being used as shelters.',
      ),
    ],
  },
  {
    headline: 'Semiconductor town braces for local election fought over water and land',
    standfirst:
      'Rapid growth around a new chip plant has divided residents between those who welcome the jobs and those who fear for farmland.',
    section: 'news/asia-pacific',
    kind: 'news',
    authors: ['priya-raman'],
    tags: ['Elections', 'Technology', 'Water'],
    hoursAgo: 130,
    hero: {
      caption: 'Rice paddies stretch towards the glass facade of a new chip factory.',
      credit: 'Meridian World News / Arjun Mehta',
      alt: 'Green rice fields in the foreground with a large modern factory behind',
      palette: ['#7cb518', '#c5d8e8', '#5c6f7b'],
    },
    body: [
      p(
        'Residents of a fast-growing town in the region’s industrial belt go to the polls on Sunday in a mayoral election dominated by one question: what a giant semiconductor plant has done to their community.',
      ),
      p(
        'The plant, which opened two years ago, employs about 6,000 people and has brought new housing, restaurants and shops. It also uses large amounts of water, and farmers say irrigation supplies have become less reliable.',
      ),
      quote(
        'My son came home from the city to work at the factory. I am grateful for that. But our wells are lower every year.',
        'Chen Wei-ling, rice farmer',
      ),
      p(
        'The incumbent mayor, Lin Jia-hao, has promised to negotiate a water recycling agreement with the plant operator. His challenger, Huang Mei-hua, wants a moratorium on new industrial zoning until an independent water study is completed.',
      ),
      quote('Nobody here is against technology. We are asking who pays when the water runs out.', 'Huang Mei-hua, mayoral candidate'),
      p('Turnout in the town has traditionally been low, but both campaigns report high attendance at public meetings.'),
    ],
  },
  {
    headline: 'Pacific island states sign fisheries pact after four years of talks',
    standfirst: 'The agreement sets shared catch limits for tuna and creates a joint patrol fund to tackle illegal fishing.',
    section: 'news/asia-pacific',
    kind: 'news',
    authors: ['priya-raman'],
    tags: ['Diplomacy', 'Trade', 'Climate'],
    hoursAgo: 400,
    hero: {
      caption: 'Delegates in traditional dress pose for a photograph on a beachfront after the signing.',
      credit: 'Handout',
      alt: 'A group of people in colourful clothing standing on a beach under palm trees',
      palette: ['#0096c7', '#ffd166', '#06d6a0'],
    },
    body: [
      p(
        'Nine Pacific island states have signed a regional fisheries agreement after four years of negotiations, setting shared limits on tuna catches and creating a fund to pay for joint patrols against illegal fishing.',
      ),
      p(
        'The deal, signed at a ceremony on the island of Tavalu, covers an area of ocean larger than the land mass of most continents. Tuna licences are among the largest sources of government revenue for several of the signatories.',
      ),
      list([
        '**Catch limits:** a shared annual quota for skipjack and yellowfin tuna, reviewed every three years',
        '**Patrol fund:** contributions from licence fees to pay for joint surveillance flights and vessels',
        '**Data sharing:** real-time vessel tracking shared between all member states',
      ]),
      quote(
        'Our ocean is our economy, our food and our identity. Today we agreed to protect it together.',
        'Losana Vaite, chair of the negotiating committee',
      ),
      p(
        'Scientists say warming seas are pushing some tuna stocks eastwards, which could shift revenue between countries in the coming decades. The pact includes a clause to revisit quotas if stocks move significantly. The full text has been published on the [regional fisheries secretariat website](https://example.org/pacific-fisheries-pact).',
      ),
    ],
  },

  // ── Africa ────────────────────────────────────────────────────────────────
  {
    headline: 'Sahel farmers turn to drought-tolerant millet as rains arrive late',
    standfirst: 'Cooperatives are distributing new seed varieties, but farmers say they still need better forecasts and access to credit.',
    section: 'news/africa',
    alsoIn: ['science/climate'],
    kind: 'news',
    authors: ['adaeze-okafor'],
    tags: ['Agriculture', 'Climate', 'Water', 'Migration'],
    hoursAgo: 60,
    hero: {
      caption: 'A farmer inspects young millet plants in a dry, sandy field.',
      credit: 'Meridian World News / Ibrahim Diallo',
      alt: 'A woman crouching among short green plants in a field of pale sand',
      palette: ['#e3b23c', '#9c6644', '#6a994e'],
    },
    body: [
      p(
        'Farmers across a swathe of the Sahel are planting drought-tolerant varieties of millet and sorghum this season, as the annual rains arrive several weeks late for the third year in a row.',
      ),
      p(
        'Agricultural cooperatives say demand for the new seeds, developed by regional research stations, has more than doubled since last year.',
      ),
      img({
        caption: 'Sacks of certified seed are unloaded at a cooperative store before planting begins.',
        credit: 'Meridian World News / Ibrahim Diallo',
        alt: 'Men carrying white sacks from a truck into a mud-brick storehouse',
        palette: ['#d9ae61', '#f2e8cf', '#7f5539'],
      }),
      quote(
        'These seeds can survive two weeks without rain. That is the difference between a harvest and nothing at all.',
        'Aminata Traoré, head of a farmers’ cooperative',
      ),
      p(
        'Researchers caution that seeds alone cannot offset the effects of a changing climate. Farmers also need reliable seasonal forecasts, storage to reduce losses and credit to invest in their land.',
      ),
      quote(
        'Young people leave for the cities when farming becomes a gamble. If we can make the harvest more certain, fewer will have to go.',
        'Dr Moussa Sanogo, agronomist',
      ),
      p('Local officials say migration from rural villages to regional towns has risen noticeably in dry years.'),
    ],
  },
  {
    headline: 'East African rail link carries first cargo from inland hub to the coast',
    standfirst: 'The new line is expected to cut freight journey times from three days by road to about 20 hours.',
    section: 'news/africa',
    alsoIn: ['business/markets'],
    kind: 'news',
    authors: ['adaeze-okafor'],
    tags: ['Infrastructure', 'Trade', 'Shipping'],
    hoursAgo: 170,
    updatedAfterHours: 6,
    hero: {
      caption: 'The first freight train leaves the inland container depot to cheers from workers.',
      credit: 'Meridian World News / Ibrahim Diallo',
      alt: 'A long freight train with containers pulling out of a depot under a blue sky',
      palette: ['#e76f51', '#2a9d8f', '#e9c46a'],
    },
    body: [
      p(
        'A new railway linking a major inland logistics hub to the coast carried its first commercial cargo on Saturday, in what officials described as a milestone for regional trade.',
      ),
      p(
        'The train, carrying 108 containers of coffee, tea and cut flowers, is expected to reach the port in about 20 hours. The same journey by road typically takes three days.',
      ),
      img({
        caption: 'Containers are loaded onto flat wagons at the inland depot.',
        credit: 'Meridian World News / Ibrahim Diallo',
        alt: 'A crane lifting a blue container onto a rail wagon',
        palette: ['#264653', '#f4a261', '#d3d3d3'],
      }),
      quote(
        'This is not only a railway. It is a promise to our exporters that their goods will reach the world on time.',
        'Grace Wanjiru, chief executive of the regional rail authority',
      ),
      p(
        'The line was financed by a mix of government borrowing and loans from development lenders. Critics have questioned whether freight volumes will be high enough to repay the debt.',
      ),
      quote(
        'The engineering is impressive. The economics will depend on whether shippers actually switch from road.',
        'Samuel Otieno, transport economist',
      ),
      p('Passenger services on the line are due to begin next year.'),
    ],
  },
  {
    headline: 'Court halts eviction of market traders in coastal capital pending review',
    standfirst: 'More than 2,000 stallholders had been ordered to leave a waterfront market earmarked for redevelopment.',
    section: 'news/africa',
    kind: 'news',
    authors: ['adaeze-okafor'],
    tags: ['Courts', 'Trade', 'Migration'],
    hoursAgo: 290,
    hero: {
      caption: 'Traders sell fish and vegetables under patched awnings at the waterfront market.',
      credit: 'Meridian World News / Ibrahim Diallo',
      alt: 'A busy outdoor market with colourful awnings beside the sea',
      palette: ['#ef476f', '#118ab2', '#ffd166'],
    },
    body: [
      p(
        'A high court in a West African coastal capital has temporarily halted the eviction of more than 2,000 traders from a waterfront market, ruling that the city must first show it consulted those affected.',
      ),
      p(
        'The city council had ordered stallholders to leave by the end of the month to make way for a hotel and marina development. Many of the traders moved to the capital from rural areas and have worked at the market for decades.',
      ),
      quote(
        'The law requires meaningful consultation before people lose their livelihoods. On the evidence before me, that has not happened.',
        'Justice Abena Mensah, in her ruling',
      ),
      quote(
        'This market fed my children and sent them to school. We are not against development, but we want a place in it.',
        'Comfort Adjei, who has sold fish at the market for 27 years',
      ),
      p('The city council said it would comply with the order and present evidence of its consultation process at a hearing next month.'),
    ],
  },
  {
    headline: 'Rival factions agree three-day ceasefire to allow polio vaccination drive',
    standfirst: 'Health workers aim to reach 400,000 children in a border region where the campaign was suspended last year.',
    section: 'news/africa',
    alsoIn: ['science/health'],
    kind: 'news',
    authors: ['adaeze-okafor'],
    tags: ['Public health', 'Conflict', 'Humanitarian aid'],
    hoursAgo: 98,
    updatedAfterHours: 3,
    hero: {
      caption: 'A health worker marks a child’s finger with ink after giving oral vaccine drops.',
      credit: 'Handout',
      alt: 'A health worker in a blue vest holding a small child’s hand',
      palette: ['#4ea8de', '#f6f6f6', '#f28482'],
    },
    body: [
      p(
        'Rival armed factions in a remote border region have agreed a three-day ceasefire to allow health workers to vaccinate children against polio, after a campaign last year was suspended because of fighting.',
      ),
      p('Teams of vaccinators will travel door to door in 14 districts, aiming to reach about 400,000 children under the age of five.'),
      quote(
        'Polio does not respect front lines. If we miss children here, the virus can travel anywhere.',
        'Dr Halima Yusuf, regional immunisation coordinator',
      ),
      p(
        'Community leaders and religious figures helped negotiate the pause, which both factions confirmed in separate statements on local radio.',
      ),
      quote(
        'We asked the commanders a simple question: would they want their own children protected? Both said yes.',
        'Sheikh Abdullahi Omar, elder who took part in the talks',
      ),
      p('Health officials say further rounds will be needed to achieve lasting immunity, and hope the arrangement can be repeated.'),
    ],
  },
];
