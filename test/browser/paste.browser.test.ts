// Pasting from Word, Google Docs and a web page gives clean blocks. Two halves, both in Debian's Chromium:
//   - cleanPastedHtml (src/newsroom/editor/paste.ts) bundled on its own and run on small snippets in a blank page;
//   - the real editor: a writer opens a new article and each clipboard fixture (test/browser/fixtures/paste/*.html,
//     written for this test) is pasted into the body as a real `paste` ClipboardEvent carrying text/html and
//     text/plain; the stored blocks must equal the fixture's .expected.json.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodySchema, type Body } from '../../src/domain/blocks.ts';
import { launchBrowser, startServer, type RunningServer, signInPage } from './support.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures', 'paste');
const PASSWORD = 'a long newsroom password';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  await server.app.services.auth.createUser({ email: 'paster@example.org', name: 'Pat Paster', role: 'writer', password: PASSWORD });
  browser = await launchBrowser();
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** A writer's page on a new article: the editor, under the newsroom's Content-Security-Policy. */
async function newArticlePage(): Promise<Page> {
  const page = await context.newPage();
  await signInPage(page, server.baseUrl, 'paster@example.org', PASSWORD);
  await page.goto(`${server.baseUrl}/newsroom/articles/new`);
  await page.waitForFunction(() => Boolean((window as any).mastheadEditor));
  return page;
}

describe('cleanPastedHtml in Chromium', { timeout: 60_000 }, () => {
  let page: Page;
  const clean = (html: string): Promise<string> => page.evaluate((h) => (window as any).mastheadPaste.cleanPastedHtml(h) as string, html);

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [path.join(here, '../../src/newsroom/editor/paste.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'mastheadPaste',
      platform: 'browser',
      target: 'es2020',
      logLevel: 'silent',
    });
    // On the editor's own page, so the cleaner runs under the newsroom's CSP (which, for one, hides inline
    // styles from element.style in parsed documents). Evaluated through DevTools, which the CSP does not govern.
    page = await newArticlePage();
    await page.evaluate(`${bundle.outputFiles[0]!.text}; globalThis.mastheadPaste = mastheadPaste;`);
  });

  it("drops Word's head, conditional comments, <o:p>, mso styles and empty paragraphs", async () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=ProgId content=Word.Document>' +
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->' +
      '<style>p.MsoNormal{mso-style-parent:"";font-weight:bold}</style></head><body lang=EN-GB>' +
      "<!--StartFragment--><p class=MsoNormal style='mso-margin-top-alt:auto'><span lang=EN-GB style='mso-bidi-font-family:Arial'>" +
      'Tide times<o:p></o:p></span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>&nbsp;&nbsp;</p>' +
      '<xml><w:data>junk</w:data></xml><!--EndFragment--></body></html>';
    expect(await clean(word)).toBe('<p>Tide times</p>');
  });

  it('turns styled spans into strong and em, and knows the Docs wrapper is not bold', async () => {
    expect(
      await clean(
        '<b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="ltr" style="line-height:1.38">' +
          '<span style="font-weight:400">plain </span><span style="font-weight:700">bold</span> ' +
          '<span style="font-style:italic;font-weight:400">slanted</span> <span style="font:italic bold 12px serif">both</span>' +
          '</p></b>',
      ),
    ).toBe('<p>plain <strong>bold</strong> <em>slanted</em> <strong><em>both</em></strong></p>');
    // Word's <b style="mso-bidi-font-weight:normal"> is bold: the mso property is not font-weight.
    expect(await clean("<p><b style='mso-bidi-font-weight:normal'>Yes</b>, <strong style='font-weight:normal'>no</strong></p>")).toBe(
      '<p><strong>Yes</strong>, no</p>',
    );
  });

  it("makes Word's fake lists real lists, one per list id, with the markers gone", async () => {
    const item = (list: string, marker: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:${list} level1 lfo1'><![if !supportLists]>` +
      `<span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>` +
      `&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>\n`;
    const html =
      item('l0', '·', 'Oars') +
      item('l0', '·', 'Sails') +
      '<p class=MsoNormal>Then:</p>' +
      item('l1', '1.', 'Launch') +
      item('l1', '2.', '<b>Row</b>') +
      item('l2', 'a)', 'Rest');
    expect(await clean(html)).toBe(
      '<ul><li><p>Oars</p></li><li><p>Sails</p></li></ul><p>Then:</p>' +
        '<ol><li><p>Launch</p></li><li><p><strong>Row</strong></p></li></ol><ol><li><p>Rest</p></li></ol>',
    );
  });

  it('flattens nested lists (Docs puts a <ul> straight inside a <ul>) and drops empty items', async () => {
    expect(
      await clean('<ul><li><p>One</p></li><ul><li><p>One a</p></li></ul><li>Two<ol><li>Two a</li></ol></li><li><p>&nbsp;</p></li></ul>'),
    ).toBe('<ul><li><p>One</p></li><li><p>One a</p></li><li><p>Two</p></li><li><p>Two a</p></li></ul>');
  });

  it('drops scripts, iframes, forms, media, page chrome, hidden elements and advert slots', async () => {
    const page =
      '<header class="masthead"><a href="https://x.example/">The Daily</a></header><nav><a href="/a">A</a></nav>' +
      '<main><article><header><h1>Kept headline</h1></header><p>Kept text.</p>' +
      '<div class="ad-slot">Advertisement<script>ads()</script></div><div id="dfp-mpu"><iframe src="https://ads.example/"></iframe></div>' +
      '<form><label>Email</label><input name="e"><button>Go</button></form><aside><p>Related</p></aside>' +
      '<div hidden>hidden</div><p style="display:none">none</p><div aria-hidden="true">aria</div><div role="navigation">nav</div>' +
      '<noscript>Enable JS</noscript><svg><text>chart</text></svg><video><track></video>' +
      '</article></main><footer><p>© The Daily</p></footer>';
    expect(await clean(page)).toBe('<h2>Kept headline</h2><p>Kept text.</p>');
  });

  it('drops images, with the caption of their figure, and keeps the text around them', async () => {
    expect(
      await clean(
        '<figure><img src="https://x.example/a.jpg" alt="A boat"><figcaption>The boat. Photo: A. N.</figcaption></figure>' +
          '<p>Before <img src="data:image/gif;base64,R0lGOD" alt="pixel"> after</p><p><img src="/b.png" alt="only"></p>',
      ),
    ).toBe('<p>Before after</p>');
  });

  it('keeps safe links, unwraps others, and clamps headings to H2/H3', async () => {
    expect(
      await clean(
        '<h1>One</h1><h4>Four</h4><h6>Six</h6><p><a href="https://x.example/a">web</a> <a href="mailto:desk@x.example">mail</a> ' +
          '<a href="/news/a">path</a> <a href="javascript:alert(1)">js</a> <a href="#_Toc1">toc</a> <a name="_GoBack"></a></p>',
      ),
    ).toBe(
      '<h2>One</h2><h3>Four</h3><h3>Six</h3><p><a href="https://x.example/a">web</a> <a href="mailto:desk@x.example">mail</a> ' +
        '<a href="/news/a">path</a> js toc</p>',
    );
  });

  it('makes a quote plain text, its footer, cite or figcaption the attribution', async () => {
    expect(await clean('<blockquote><p>First line.</p><p>Second <b>line</b>.</p><footer>— Ana Ruiz</footer></blockquote>')).toBe(
      '<figure data-masthead-quote="" data-attribution="Ana Ruiz"><blockquote>First line. Second line.</blockquote></figure>',
    );
    expect(await clean('<figure><blockquote>Short.</blockquote><figcaption>– Mo</figcaption></figure><blockquote>Bare.</blockquote>')).toBe(
      '<figure data-masthead-quote="" data-attribution="Mo"><blockquote>Short.</blockquote></figure><blockquote>Bare.</blockquote>',
    );
  });

  it('splits loose text at top-level line breaks, collapses &nbsp; runs and trims blocks', async () => {
    expect(await clean('<div><span>one</span><br><br>two&nbsp;&nbsp; three<br></div><p>&nbsp;four&nbsp;</p><div>five</div>')).toBe(
      '<p>one</p><p>two three</p><p>four</p><p>five</p>',
    );
  });

  it("passes HTML copied from a ProseMirror editor (this one's own) through unchanged, headings clamped", async () => {
    const own =
      '<figure data-masthead-image="" data-media-id="12" data-alt="Boats" data-pm-slice="0 0 []"><img src="/media/12.jpg" alt="Boats"></figure>' +
      '<h1>Title</h1>';
    expect(await clean(own)).toBe(own.replace('<h1>Title</h1>', '<h2>Title</h2>'));
  });
});

describe('pasting into the body editor', { timeout: 90_000 }, () => {
  let page: Page;

  beforeAll(async () => {
    page = await newArticlePage();
  });

  /** Empties the body, puts the caret in it and pastes `html` the way the browser does on Ctrl+V. */
  async function paste(html: string): Promise<Body> {
    await page.evaluate(() => (window as any).mastheadEditor.setBlocks([]));
    await page.click('#body-editor .ProseMirror');
    const handled = await page.evaluate((markup) => {
      const target = document.querySelector('#body-editor .ProseMirror')!;
      const data = new DataTransfer();
      data.setData('text/html', markup);
      data.setData('text/plain', new DOMParser().parseFromString(markup, 'text/html').body.textContent ?? '');
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    }, html);
    // ProseMirror took the paste from the event's clipboard data (it prevents the browser's own paste).
    expect(handled).toBe(true);
    const blocks = (await page.evaluate(() => (window as any).mastheadEditor.getBlocks())) as Body;
    // What the form would save is the same.
    expect(JSON.parse(await page.inputValue('#body-json'))).toEqual(blocks);
    return blocks;
  }

  it("keeps the editor's own copy and paste intact (ProseMirror's HTML passes through)", async () => {
    const body: Body = [
      { type: 'heading', level: 2, text: 'Harbour reopens' },
      {
        type: 'paragraph',
        content: [{ text: 'Boats ' }, { text: 'returned', bold: true }, { text: ' at ' }, { text: 'dawn', italic: true }],
      },
      { type: 'quote', text: 'We waited three winters.', attribution: 'A. Fisher, skipper' },
      { type: 'list', style: 'ordered', items: [[{ text: 'Ferries' }], [{ text: 'Cargo', href: 'https://port.example/cargo' }]] },
      { type: 'embed', kind: 'link', url: 'https://port.example/report', title: 'Port report' },
    ];
    await page.evaluate((blocks) => (window as any).mastheadEditor.setBlocks(blocks), body);
    await page.click('#body-editor .ProseMirror');
    await page.keyboard.press('ControlOrMeta+A');
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document
        .querySelector('#body-editor .ProseMirror')!
        .dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/html');
    });
    expect(copied).toContain('data-pm-slice');
    expect(await paste(copied)).toEqual(body);
  });

  it.each(['word', 'google-docs', 'web'])('turns the %s fixture into the expected blocks', async (name) => {
    const html = await fs.readFile(path.join(FIXTURES, `${name}.html`), 'utf8');
    const expected = JSON.parse(await fs.readFile(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as Body;
    const blocks = await paste(html);
    expect(bodySchema.parse(blocks)).toEqual(blocks);
    expect(blocks).toEqual(expected);
  });
});
