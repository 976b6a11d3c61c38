// The fictional journalists of Meridian World News. Every name and biography here is invented.
import type { DemoPerson } from './types.ts';

export const people: DemoPerson[] = [
  {
    slug: 'amira-haddad',
    name: 'Amira Haddad',
    title: 'Middle East correspondent',
    bio: 'Amira Haddad has reported on the Middle East for Meridian World News for nine years, covering conflict, diplomacy and the economies of the Gulf. She previously worked as a radio producer and speaks Arabic, French and English.',
  },
  {
    slug: 'jonas-berg',
    name: 'Jonas Berg',
    title: 'Europe and Russia correspondent',
    bio: 'Jonas Berg covers European politics and Russia from his base in Brussels, with regular reporting trips across the continent. Before joining Meridian World News he spent six years as a regional newspaper reporter in northern Scandinavia. He also shoots much of his own photography.',
  },
  {
    slug: 'tomas-ibarra',
    name: 'Tomás Ibarra',
    title: 'Americas correspondent',
    bio: 'Tomás Ibarra reports on politics, courts and migration across the Americas. He has covered elections in more than a dozen countries and was previously a legal affairs reporter.',
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    title: 'Asia-Pacific correspondent',
    bio: 'Priya Raman covers the Asia-Pacific region, with a particular focus on technology, public health and disaster response. She began her career as a health reporter and has since reported from more than twenty countries in the region.',
  },
  {
    slug: 'adaeze-okafor',
    name: 'Adaeze Okafor',
    title: 'Africa and climate correspondent',
    bio: 'Adaeze Okafor reports on African politics, agriculture and the effects of a changing climate. She has travelled widely across the Sahel and East Africa and previously worked for a development research institute.',
  },
  {
    slug: 'daniel-whitcombe',
    name: 'Daniel Whitcombe',
    title: 'Business editor',
    bio: 'Daniel Whitcombe leads business coverage at Meridian World News, writing on markets, energy and central banks. He spent a decade as a financial journalist before moving into broadcasting, and writes a regular column on the economy.',
  },
  {
    slug: 'kenji-morita',
    name: 'Kenji Morita',
    title: 'Sports editor',
    bio: 'Kenji Morita oversees sport coverage, with a particular love of football and tennis. He has reported from four World Cups and writes a column on the business and governance of sport.',
  },
];
