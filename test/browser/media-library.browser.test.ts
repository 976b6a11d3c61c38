// The media library in Chromium: pictures dropped on the grid upload with a progress bar each and appear as
// thumbnails; a click on a picture's preview sets the focal point and the saved crops follow it; the grid and the
// picture page fit a 375 px screen and pass axe at 1280 and 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser, startServer, type RunningServer, signInPage } from './support.ts';

const PASSWORD = 'a long newsroom password';
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  await signInPage(page, server.baseUrl, email, PASSWORD);
  return page;
}

beforeAll(async () => {
  server = await startServer();
  await server.app.services.auth.createUser({ email: 'writer@example.org', name: 'Wren Writer', role: 'writer', password: PASSWORD });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('media library in the browser', { timeout: 90_000 }, () => {
  it('uploads pictures dropped on the grid, each with a progress bar, and shows them first', async () => {
    const page = await signedIn('writer@example.org');
    await page.goto(`${server.baseUrl}/newsroom/media`);
    await page.fill('#ml-alt', 'A dropped picture');
    const before = await page.locator('.ml-grid > li').count();
    // Two PNGs painted in the page, dropped on the library as a file manager would.
    await page.evaluate(async () => {
      const file = async (name: string, colour: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 360;
        const g = canvas.getContext('2d')!;
        g.fillStyle = colour;
        g.fillRect(0, 0, 640, 360);
        const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
        return new File([blob], name, { type: 'image/png' });
      };
      const data = new DataTransfer();
      data.items.add(await file('harbour.png', '#2266aa'));
      data.items.add(await file('market.png', '#aa6622'));
      const grid = document.querySelector('.ml-grid')!;
      grid.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      grid.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('.ml-queue a[href^="/newsroom/media/"]').length === 2, undefined, {
      timeout: 30_000,
    });
    const rows = await page.$$eval('.ml-queue li', (lis) =>
      lis.map((li) => ({
        name: li.querySelector('.ml-queue-name')!.textContent,
        progress: (li.querySelector('progress') as HTMLProgressElement).value,
        label: li.querySelector('progress')!.getAttribute('aria-label'),
      })),
    );
    expect(rows.map((r) => r.name).sort()).toEqual(['harbour.png', 'market.png']);
    for (const r of rows) expect(r).toMatchObject({ progress: 100, label: `Upload of ${r.name}` });
    expect(await page.locator('.ml-status[role=status]').textContent()).toMatch(/uploaded\.$/);
    expect(await page.locator('.ml-grid > li').count()).toBe(before + 2);
    const first = page.locator('.ml-grid > li').first();
    expect(await first.textContent()).toContain('A dropped picture');
    const img = first.locator('img');
    expect(await img.getAttribute('width')).toBe('480');
    await page.waitForFunction(() => (document.querySelector('.ml-grid img') as HTMLImageElement).naturalWidth > 0);
  });

  it('sets the focal point by a click on the preview, and the saved crops are made around it', async () => {
    const page = await signedIn('writer@example.org');
    await page.goto(`${server.baseUrl}/newsroom/media`);
    await page.click('.ml-grid > li:first-child a');
    await page.waitForSelector('.ml-focus img');
    const marker = page.locator('.ml-marker');
    expect(await marker.isVisible()).toBe(true);
    const box = (await page.locator('.ml-focus img').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.2);
    expect(Number(await page.inputValue('#focus_x'))).toBeCloseTo(10, 0);
    expect(Number(await page.inputValue('#focus_y'))).toBeCloseTo(20, 0);
    const left = await marker.evaluate((el) => (el as HTMLElement).style.left);
    expect(Number.parseFloat(left)).toBeCloseTo(10, 0);
    await Promise.all([page.waitForURL(/\?done=1$/), page.click('.ml-form button[type=submit]')]);
    const crops = await page.$$eval('.ml-crops img', (imgs) => imgs.map((i) => i.getAttribute('src')));
    expect(crops).toHaveLength(3);
    for (const src of crops) expect(src).toMatch(/-f(9\d|10\d)-(19\d|20\d)\.jpg$/);
  });

  it('fits a 375 px screen and passes axe at 1280 and 375 px (grid and picture page)', async () => {
    const [picture] = await server.store.media.search('', 1);
    for (const width of [1280, 375]) {
      const page = await signedIn('writer@example.org', width);
      for (const path of ['/newsroom/media', `/newsroom/media/${picture!.id}`]) {
        await page.goto(server.baseUrl + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${width} px ${path}`).toBe(0);
        const violations = await axeViolations(page);
        expect(violations, `${width} px ${path}\n${describeViolations(violations)}`).toEqual([]);
      }
    }
  });
});
