// Runs once before the test files: paints the demo pictures into the shared cache so that every suite that
// seeds the demo (store, HTTP, browser) finds them on disk instead of painting them again in parallel.
import { paintDemoImages } from '../../src/demo/seed.ts';
import { progressReporter } from '../../src/progress.ts';
import { DEMO_MEDIA_DIR } from './demo-media.ts';

export default async function setup() {
  await paintDemoImages(DEMO_MEDIA_DIR, progressReporter('Demo pictures for tests'));
}
