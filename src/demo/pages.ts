// The static pages of the Meridian World News demo (original text written for the fictional outlet): published
// and listed in the footer, the corrections and ethics policies in their roles.
import type { Body } from '../domain/blocks.ts';
import type { PageRole } from '../domain/pages.ts';

export interface DemoPage {
  slug: string;
  title: string;
  summary: string;
  role: PageRole;
  body: Body;
}

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ text }] });
const h = (text: string) => ({ type: 'heading' as const, level: 2 as const, text });
const list = (...items: string[]) => ({ type: 'list' as const, style: 'bullet' as const, items: items.map((text) => [{ text }]) });

export const demoPages: DemoPage[] = [
  {
    slug: 'about',
    title: 'About Meridian World News',
    summary: 'Who we are, what we cover and how we are funded.',
    role: 'about',
    body: [
      p(
        'Meridian World News is an independent international newsroom. Our correspondents report from six regional desks, and our editors work around the clock so that readers in every time zone wake up to a clear account of what happened overnight.',
      ),
      h('What we cover'),
      p(
        'We cover world news, business, science and health, sport and opinion, with video reports from the field. We prefer fewer stories told well to many stories told quickly, and we say plainly what we do not yet know.',
      ),
      h('How we are funded'),
      p(
        'Meridian is funded by its readers and by a charitable trust that has no say over what we publish. We do not accept money from governments or political parties, and advertisers never see a story before it is published.',
      ),
    ],
  },
  {
    slug: 'contact',
    title: 'Contact us',
    summary: 'How to reach the newsroom, send a tip or ask for a correction.',
    role: 'contact',
    body: [
      p('The newsroom reads every message, though we cannot always answer each one.'),
      list(
        'News tips and story ideas: tips@meridian.example',
        'Corrections and complaints: corrections@meridian.example',
        'Press and partnerships: office@meridian.example',
      ),
      p(
        'If you need to share something sensitive, tell us in a first message how we can reach you safely and we will suggest a secure way to continue the conversation.',
      ),
    ],
  },
  {
    slug: 'corrections-policy',
    title: 'Corrections policy',
    summary: 'When we get something wrong, we fix it openly.',
    role: 'corrections',
    body: [
      p(
        'Accuracy comes before speed. When a published story contains a factual error, we correct it as soon as we have confirmed the mistake, and we add a note at the foot of the article saying what was wrong and when it was changed.',
      ),
      h('Corrections and clarifications'),
      p(
        'A correction fixes a statement of fact that was wrong. A clarification adds context or wording that makes a story fairer or easier to understand when nothing in it was false. Both are dated and stay on the article.',
      ),
      h('How to ask for a correction'),
      p(
        'Write to corrections@meridian.example with the address of the article and what you believe is wrong. An editor who did not work on the story reviews every request and replies within two working days.',
      ),
    ],
  },
  {
    slug: 'ethics-policy',
    title: 'Ethics policy',
    summary: 'The principles our journalists work by.',
    role: 'ethics',
    body: [
      p('These principles apply to everyone who reports, edits, films or presents for Meridian World News.'),
      list(
        'We verify before we publish, and we name our sources unless doing so would put someone at risk.',
        'We give the people we write about a fair chance to respond before publication.',
        'We do not pay for information, and we accept no gifts or travel that could influence our reporting.',
        'We keep news and opinion apart, and we label opinion clearly.',
        'We declare any personal interest in a story to an editor before working on it.',
      ),
      p('Readers who believe we have fallen short of these principles can write to the standards editor at standards@meridian.example.'),
    ],
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    summary: 'What we collect when you read Meridian World News, and what we do not.',
    role: 'privacy',
    body: [
      p(
        'Reading this site does not require an account, and our pages load no third-party trackers or advertising scripts. Social posts embedded in stories stay inactive until you choose to load them.',
      ),
      p(
        'Our servers keep short-lived technical logs (the address requested, the time and a request number) to keep the site running and secure. These logs are deleted after thirty days and are never sold or shared for marketing.',
      ),
      p('Questions about your data can be sent to privacy@meridian.example.'),
    ],
  },
];
