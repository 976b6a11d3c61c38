// Word lists for the synthetic archive: our own plain vocabulary, combined at random into believable-looking
// headlines and paragraphs of realistic length. Nothing here is real reporting.
export const PLACES = [
  'Valmont', 'Nordhaven', 'San Lorenzo', 'Qadira', 'Verkhnegorsk', 'Port Elara', 'Kestrel Bay', 'Ostrava Heights', 'Miravel',
  'the northern provinces', 'the river delta', 'the capital', 'the coastal towns', 'the border region', 'the islands',
];
export const ACTORS = [
  'Ministers', 'Regulators', 'Port workers', 'Farmers', 'The central bank', 'City officials', 'Teachers', 'Doctors', 'Negotiators',
  'Shipping firms', 'Energy companies', 'Lawmakers', 'Residents', 'Aid agencies', 'Scientists', 'Investors', 'The court',
];
export const VERBS = [
  'approve', 'reject', 'delay', 'announce', 'review', 'expand', 'cut', 'defend', 'question', 'unveil', 'suspend', 'restore', 'debate',
];
export const THINGS = [
  'new tariffs', 'a water plan', 'ferry subsidies', 'a budget deal', 'grid upgrades', 'the ceasefire terms', 'school reforms',
  'rail fares', 'fishing quotas', 'a housing fund', 'flood defences', 'vaccine supplies', 'data rules', 'the trade accord',
];
export const REASONS = [
  'after talks stall', 'amid rising costs', 'as protests grow', 'ahead of the vote', 'despite warnings', 'after a long winter',
  'as prices ease', 'following a court ruling', 'under public pressure', 'as the deadline nears',
];
export const SENTENCES = [
  'Officials said the decision followed weeks of consultation with local groups.',
  'The measure is expected to take effect before the end of the quarter.',
  'Critics argued that the plan left important questions unanswered.',
  'Supporters said the change would bring relief to thousands of households.',
  'Figures released on the same day pointed to a slower recovery than forecast.',
  'A spokesperson declined to comment on the timetable.',
  'Analysts cautioned that the effects would take months to become clear.',
  'The proposal now moves to a committee for detailed review.',
  'Residents interviewed in the town centre were divided on the outcome.',
  'Talks are due to resume next week, according to people familiar with them.',
  'The agency published its full assessment alongside the announcement.',
  'Several councils had asked for more time to prepare.',
];
