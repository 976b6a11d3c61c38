// Business articles for the Meridian World News demo. All companies, people and figures are invented.
import type { DemoArticle } from './types.ts';
import { p, h, quote, list, img } from './types.ts';

export const businessArticles: DemoArticle[] = [
  // ── Markets ───────────────────────────────────────────────────────────────
  {
    headline: 'Regional stocks slip as bond yields climb on inflation surprise',
    standfirst: 'Consumer prices rose faster than expected last month, prompting traders to push back bets on interest rate cuts.',
    section: 'business/markets',
    kind: 'news',
    authors: ['daniel-whitcombe'],
    tags: ['Inflation', 'Central banks'],
    hoursAgo: 1,
    hero: {
      caption: 'Screens on a trading floor show share prices in red.',
      credit: 'File photo',
      alt: 'Rows of computer screens displaying red and green market figures',
      palette: ['#1b1f2a', '#d64045', '#3ddc97'],
    },
    body: [
      p(
        'Stock markets across the region fell on Wednesday and government bond yields rose after new figures showed consumer prices increasing faster than economists had expected.',
      ),
      p(
        'Annual inflation rose to 3.4 percent last month, up from 3.1 percent, driven by higher costs for housing, insurance and food. Economists surveyed beforehand had expected a reading of 3.2 percent.',
      ),
      h('How markets moved'),
      list([
        'The main regional share index closed down 1.3 percent, with property and utility stocks leading the losses',
        'Ten-year government bond yields rose by 0.12 percentage points',
        'The currency strengthened against major peers as traders priced in fewer rate cuts',
      ]),
      quote(
        'This is not a disaster, but it is a reminder that the last part of the journey back to target is the hardest.',
        'Sophie Laurent, chief economist at Harbourline Capital',
      ),
      p('Traders now expect the first interest rate cut to come no earlier than the autumn, according to pricing in futures markets.'),
    ],
  },
  {
    headline: 'Nordmark central bank holds rates and signals a cut may come by autumn',
    standfirst: 'Policymakers kept the main interest rate at 4 percent but said inflation was moving in the right direction.',
    section: 'business/markets',
    kind: 'news',
    authors: ['daniel-whitcombe'],
    tags: ['Central banks', 'Inflation'],
    hoursAgo: 45,
    updatedAfterHours: 1,
    hero: {
      caption: 'The stone facade of the Nordmark central bank on a grey morning.',
      credit: 'Meridian World News / Jonas Berg',
      alt: 'A neoclassical building with tall columns and a flag above the entrance',
      palette: ['#8d99ae', '#edf2f4', '#2b2d42'],
    },
    body: [
      p(
        'The central bank of Nordmark held its main interest rate at 4 percent on Thursday for the fifth meeting in a row, but signalled that it could begin cutting borrowing costs later this year if inflation continues to ease.',
      ),
      p(
        'Seven of the nine members of the rate-setting committee voted to hold, while two voted for an immediate cut of a quarter of a percentage point.',
      ),
      quote(
        'We are not yet ready to declare victory. But the evidence is accumulating that price pressures are fading, and we will respond to that evidence.',
        'Governor Annika Holm, at a press conference after the decision',
      ),
      p(
        'The bank lowered its forecast for economic growth this year to 0.8 percent, citing weak demand in manufacturing and construction. The full statement is available on the [bank’s website](https://example.org/nordmark-central-bank/statement).',
      ),
      p(
        'Business groups welcomed the signal but said households and companies were still struggling with high borrowing costs. *Analysts said the split vote was the clearest sign yet that a cut was approaching.*',
      ),
    ],
  },
  {
    headline: 'Analysis: Shipping rates and food prices are moving together again',
    standfirst: 'A rise in the cost of moving bulk cargo could feed through to supermarket shelves within months, economists warn.',
    section: 'business/markets',
    alsoIn: ['news/africa'],
    kind: 'analysis',
    authors: ['daniel-whitcombe'],
    tags: ['Shipping', 'Inflation', 'Trade', 'Agriculture'],
    hoursAgo: 140,
    hero: {
      caption: 'A bulk carrier sits low in the water as it leaves port at dusk.',
      credit: 'File photo',
      alt: 'A large cargo ship silhouetted against an orange evening sky',
      palette: ['#f28f3b', '#2d3142', '#bfc0c0'],
    },
    body: [
      p(
        'For much of the past two years, the cost of shipping bulk goods such as grain and fertiliser moved independently of food prices. That link appears to be returning.',
      ),
      p(
        'A widely watched index of dry bulk freight rates has risen by about 40 percent since the start of the year, driven by port congestion, longer routes and low water levels on some inland waterways.',
      ),
      h('Why it matters'),
      p(
        'Freight makes up only a small share of the final price of most foods. But for countries that import a large share of their staples, particularly in North Africa and parts of Asia, higher shipping costs can add noticeably to the import bill.',
      ),
      quote(
        'Freight is the hidden ingredient in every loaf of bread. When it moves, importing countries feel it first.',
        'Kwame Mensah, commodities economist at Atlas Trade Research',
      ),
      p(
        'Economists say the effect usually takes three to six months to show up in consumer prices. Whether it does this time depends on harvests, currencies and how long the congestion lasts.',
      ),
      quote(
        'We are not predicting a food price shock. We are saying the cushion that existed last year has gone.',
        'Isabella Conti, senior analyst at Meridiana Markets',
      ),
    ],
  },

  // ── Energy ────────────────────────────────────────────────────────────────
  {
    headline: 'Offshore wind auction draws record bids in the North Sea',
    standfirst: 'Eleven consortia competed for four seabed leases, suggesting investor confidence has returned after two difficult years.',
    section: 'business/energy',
    alsoIn: ['news/europe'],
    kind: 'news',
    authors: ['daniel-whitcombe', 'jonas-berg'],
    tags: ['Energy', 'Climate'],
    hoursAgo: 26,
    updatedAfterHours: 4,
    hero: {
      caption: 'Wind turbines stand in rows off the coast under a break in the clouds.',
      credit: 'Meridian World News / Jonas Berg',
      alt: 'Offshore wind turbines in the sea with sunlight breaking through clouds',
      palette: ['#5e8b9e', '#dce6ea', '#1f3a4b'],
    },
    body: [
      p(
        'An auction for offshore wind leases in the North Sea has drawn a record number of bids, suggesting that investor confidence in the industry has recovered after two years of rising costs and cancelled projects.',
      ),
      p(
        'Eleven consortia bid for four seabed leases with a combined potential capacity of about 6 gigawatts. The winners, announced on Monday, include Halvard Energi and a joint venture led by Brightwater Renewables.',
      ),
      quote(
        'The industry has learned some painful lessons about costs. What we are seeing now is more realistic bidding, and that is healthy.',
        'Erik Lindahl, director of the Nordic Offshore Wind Association',
      ),
      p(
        'Under the terms of the auction, winning bidders must secure grid connections and begin construction within five years or lose their leases.',
      ),
      quote(
        'Winning the lease is the easy part. Getting turbines, vessels and cables delivered on time is the real challenge.',
        'Maren Fiske, chief executive of Halvard Energi',
      ),
      p(
        'Governments around the North Sea have set a combined target of more than 100 gigawatts of offshore wind capacity by the middle of the century.',
      ),
    ],
  },
  {
    headline: 'Gas storage sites enter winter nearly full, easing supply fears',
    standfirst: 'Storage facilities are at 94 percent of capacity, but analysts warn a long cold spell could still tighten the market.',
    section: 'business/energy',
    alsoIn: ['news/europe'],
    kind: 'news',
    authors: ['daniel-whitcombe'],
    tags: ['Energy', 'Trade', 'Inflation'],
    hoursAgo: 240,
    hero: {
      caption: 'Pipes and valves at an underground gas storage site on a frosty morning.',
      credit: 'File photo',
      alt: 'Yellow pipework and valves at an industrial site covered in frost',
      palette: ['#f2c14e', '#5d737e', '#e3e7e8'],
    },
    body: [
      p(
        'Gas storage sites across Europe are entering winter almost full, easing fears of shortages and helping to keep wholesale prices well below their peaks of recent years.',
      ),
      p(
        'Facilities are at about 94 percent of capacity, according to industry data, compared with a target of 90 percent by the start of November.',
      ),
      quote(
        'Full storage is an insurance policy, not a guarantee. A long, cold and still winter would still test the system.',
        'Dr Katarina Novak, energy analyst at the Continental Energy Institute',
      ),
      p(
        'Wholesale prices have fallen by about a fifth since the summer. Retail energy bills, however, remain higher than before the recent price crisis because of network charges and hedging costs.',
      ),
      p(
        'Analysts say the main risks are an unusually cold winter, outages at liquefied gas export terminals, or strong demand from Asian buyers competing for the same cargoes.',
      ),
    ],
  },
  {
    headline: 'Solar panel recycling start-up opens its first plant in the Atacama',
    standfirst: 'SolRenova says it can recover up to 90 percent of the materials in old panels, including silver and high-grade glass.',
    section: 'business/energy',
    alsoIn: ['news/americas', 'business/technology'],
    kind: 'news',
    authors: ['tomas-ibarra'],
    tags: ['Energy', 'Technology', 'Climate'],
    hoursAgo: 360,
    hero: {
      caption: 'Solar panels stretch across the desert floor near the new recycling plant.',
      credit: 'Meridian World News / Lucía Paredes',
      alt: 'Rows of solar panels on a flat, reddish desert under a clear sky',
      palette: ['#c1440e', '#1d3557', '#f1faee'],
    },
    body: [
      p(
        'A start-up that recycles old solar panels has opened its first industrial plant in the Atacama desert, home to some of the largest solar farms in the Americas.',
      ),
      p(
        'SolRenova says its process can recover up to 90 percent of the materials in a panel, including aluminium frames, high-grade glass, copper and small amounts of silver.',
      ),
      img({
        caption: 'Workers feed decommissioned panels into a shredding line at the SolRenova plant.',
        credit: 'Handout',
        alt: 'Workers in protective gear beside a conveyor belt carrying broken solar panels',
        palette: ['#6c757d', '#ffb703', '#e9ecef'],
      }),
      quote(
        'The first generation of solar farms is reaching the end of its life. Either we recycle those panels or we bury them, and burying them makes no sense.',
        'Valentina Rojas, co-founder and chief executive of SolRenova',
      ),
      p(
        'The plant can process about 20,000 tonnes of panels a year. The company plans to open a second site within three years and is in talks with utilities about long-term contracts.',
      ),
      p(
        'Industry estimates suggest the world could have tens of millions of tonnes of solar panel waste by the middle of the century, most of it currently destined for landfill.',
      ),
    ],
  },

  // ── Technology ────────────────────────────────────────────────────────────
  {
    headline: 'Chipmaker Solvane delays new factory, citing equipment shortages',
    standfirst: 'The company now expects production to begin in 2028, a year later than planned, as it waits for specialised machines.',
    section: 'business/technology',
    alsoIn: ['news/asia-pacific'],
    kind: 'news',
    authors: ['priya-raman', 'daniel-whitcombe'],
    tags: ['Technology', 'Trade'],
    hoursAgo: 70,
    updatedAfterHours: 2,
    hero: {
      caption: 'A technician in a cleanroom suit handles a silicon wafer under yellow light.',
      credit: 'Handout',
      alt: 'A person in a full white protective suit holding a shiny circular wafer',
      palette: ['#f4d35e', '#ffffff', '#6c757d'],
    },
    body: [
      p(
        'Semiconductor maker Solvane has delayed the opening of its newest factory by a year, saying suppliers cannot deliver key manufacturing equipment on time.',
      ),
      p('The company now expects the plant to begin volume production in 2028. It had previously said it would start in 2027.'),
      quote(
        'Demand for advanced chips has not changed. What has changed is the queue for the machines needed to make them.',
        'Daniel Cho, chief financial officer of Solvane',
      ),
      p('Shares in Solvane fell 4 percent on the news, while shares in several of its equipment suppliers rose.'),
      p(
        'Analysts say the delay reflects a wider bottleneck in the industry, as chipmakers around the world race to build new capacity at the same time.',
      ),
    ],
  },
  {
    headline: 'Banks trial shared system to flag voice-cloning fraud on phone lines',
    standfirst: 'Six lenders will pool data on suspicious calls, as criminals use synthetic voices to impersonate customers and relatives.',
    section: 'business/technology',
    kind: 'news',
    authors: ['daniel-whitcombe'],
    tags: ['Technology', 'Central banks', 'Courts'],
    hoursAgo: 120,
    body: [
      p(
        'Six banks have begun a joint trial of a system designed to detect fraudsters using cloned voices on the phone, in response to a sharp rise in scams using synthetic audio.',
      ),
      p(
        'The system analyses calls for signs that a voice has been generated by software, and shares alerts between participating banks when a suspicious pattern is detected.',
      ),
      quote(
        'A year ago these scams were rare. Now we see them every week, and the voices are getting harder to tell apart from the real thing.',
        'Rebecca Adeyemi, head of fraud prevention at Crestmoor Bank',
      ),
      h('How customers can protect themselves'),
      list([
        'Agree a family code word to confirm urgent requests for money',
        'Hang up and call back on a number you already know',
        'Be wary of any caller who insists on secrecy or speed',
      ]),
      p(
        'The central bank, which supervises the lenders, said it supported the trial but stressed that any data sharing must comply with privacy law. Consumer groups have asked for **clear limits** on how long recordings are kept.',
      ),
    ],
  },
  {
    headline: 'Satellite internet reaches remote schools in pilot across three provinces',
    standfirst: 'More than 300 schools have been connected, but teachers say devices and training matter as much as bandwidth.',
    section: 'business/technology',
    alsoIn: ['news/africa'],
    kind: 'news',
    authors: ['adaeze-okafor'],
    tags: ['Technology', 'Infrastructure'],
    hoursAgo: 450,
    hero: {
      caption: 'Pupils gather around a laptop in a classroom with a satellite dish on the roof outside.',
      credit: 'Meridian World News / Ibrahim Diallo',
      alt: 'Children in school uniforms looking at a laptop screen in a simple classroom',
      palette: ['#2a9d8f', '#f4f1de', '#e07a5f'],
    },
    body: [
      p(
        'More than 300 rural schools across three provinces have been connected to the internet via satellite as part of a pilot programme run by the education ministry and the telecoms firm Skyreach Networks.',
      ),
      p('Many of the schools are several hours’ drive from the nearest mobile phone mast and had no internet access before the pilot.'),
      quote(
        'For the first time, my students can see the same materials as children in the capital. But one laptop for forty pupils is not enough.',
        'Joseph Banda, head teacher at a primary school in the pilot',
      ),
      list([
        '312 schools connected in the first phase',
        'Each school receives a dish, a solar power kit and five laptops',
        'Teachers receive two weeks of digital skills training',
      ]),
      p(
        'Officials say they hope to extend the programme to 2,000 schools, depending on the results of an independent evaluation due next year.',
      ),
    ],
  },
];
