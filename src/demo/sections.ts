// The section tree of the Meridian World News demo site. Parents come before their children.
import type { DemoSection } from './types.ts';

export const sections: DemoSection[] = [
  { path: 'news', name: 'News', description: 'Breaking news and reporting from our correspondents around the world.' },
  { path: 'news/middle-east', name: 'Middle East', description: 'Politics, conflict, diplomacy and daily life across the Middle East.' },
  { path: 'news/europe', name: 'Europe', description: 'News from across the continent, from capitals to coastal towns.' },
  { path: 'news/russia', name: 'Russia', description: 'Reporting on Russia, its regions and its neighbours.' },
  { path: 'news/americas', name: 'Americas', description: 'Stories from North, Central and South America and the Caribbean.' },
  { path: 'news/asia-pacific', name: 'Asia-Pacific', description: 'News from East, South and Southeast Asia and the Pacific islands.' },
  { path: 'news/africa', name: 'Africa', description: 'Reporting from all corners of the African continent.' },
  { path: 'business', name: 'Business', description: 'Companies, markets and the forces shaping the global economy.' },
  { path: 'business/markets', name: 'Markets', description: 'Stocks, bonds, currencies and commodities, explained.' },
  { path: 'business/energy', name: 'Energy', description: 'Oil, gas, power and the race to build cleaner energy.' },
  { path: 'business/technology', name: 'Technology', description: 'The companies and ideas changing how we work and live.' },
  { path: 'sport', name: 'Sport', description: 'Results, reaction and analysis from the world of sport.' },
  { path: 'sport/football', name: 'Football', description: 'Club and international football from every continent.' },
  { path: 'sport/tennis', name: 'Tennis', description: 'Tournaments, rankings and the stories behind the players.' },
  { path: 'opinion', name: 'Opinion', description: 'Arguments and perspectives from our columnists and editors.' },
  { path: 'opinion/columns', name: 'Columns', description: 'Regular commentary from Meridian World News columnists.' },
  { path: 'opinion/editorials', name: 'Editorials', description: 'The view of the Meridian World News editorial board.' },
  { path: 'video', name: 'Video', description: 'Watch reports and explainers from our teams in the field.' },
  { path: 'video/reports', name: 'Reports', description: 'Filmed reports from Meridian World News correspondents.' },
  { path: 'science', name: 'Science & Health', description: 'Research, medicine and the environment, clearly explained.' },
  { path: 'science/climate', name: 'Climate', description: 'The science of a warming world and how people are adapting.' },
  { path: 'science/health', name: 'Health', description: 'Medicine, public health and the systems that deliver care.' },
];
