// Development aid (not a test): screenshots of newsroom and site pages at 1280 and 375 px into /work/shots.
// Usage: npx tsx test/browser/shots.script.ts /newsroom/articles/new /newsroom/articles/1
import { launchBrowser, signInPage, startServer } from './support.ts';

const PASSWORD = 'a long newsroom password';
const server = await startServer();
await server.app.services.auth.createUser({ email: 'editor@example.org', name: 'Eda Editor', role: 'editor', password: PASSWORD });
const browser = await launchBrowser();
try {
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: width > 900 ? 800 : 740 } });
    const page = await context.newPage();
    await signInPage(page, server.baseUrl, 'editor@example.org', PASSWORD);
    for (const path of process.argv.slice(2)) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForTimeout(400);
      // CLICK=selector: press it first (e.g. the editor's Settings button, to see the drawer).
      if (process.env.CLICK && (await page.locator(process.env.CLICK).isVisible())) {
        await page.click(process.env.CLICK);
        await page.waitForTimeout(400);
      }
      const name = `${path.replace(/[^a-z0-9]+/gi, '_')}-${width}`;
      await page.screenshot({ path: `/work/shots/${name}.png`, fullPage: process.env.FULL === '1' });
      console.log(`/work/shots/${name}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
