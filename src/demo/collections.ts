// Curated collections for the demo front page. Headlines are taken from the article arrays so they cannot drift.
import type { DemoCollection } from './types.ts';
import { newsArticles } from './articles-news.ts';
import { businessArticles } from './articles-business.ts';
import { otherArticles } from './articles-other.ts';

export const collections: DemoCollection[] = [
  {
    slug: 'editors-choice',
    name: "Editor's Choice",
    headlines: [
      newsArticles[3]!.headline, // Analysis: the Qadira border crossings
      otherArticles[14]!.headline, // Andes glacier study
      newsArticles[15]!.headline, // Semiconductor town election
      otherArticles[16]!.headline, // Analysis: heatwave warning texts
      businessArticles[5]!.headline, // Solar panel recycling in the Atacama
      otherArticles[6]!.headline, // Column: the clerk at the border crossing
    ],
  },
  {
    slug: 'top-stories',
    name: 'Top stories',
    headlines: [
      newsArticles[0]!.headline, // Qadira ceasefire holds
      businessArticles[0]!.headline, // Stocks slip on inflation surprise
      newsArticles[14]!.headline, // Typhoon rebuilding
      otherArticles[17]!.headline, // Malaria vaccine rollout
      newsArticles[11]!.headline, // Andean water rationing
    ],
  },
];
