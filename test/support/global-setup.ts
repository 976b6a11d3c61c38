// Runs once before the test files: builds the editor bundle and paints the demo pictures into the shared cache so that every suite that
// seeds the demo (store, HTTP, browser) finds them on disk instead of painting them again in parallel.
import { paintDemoImages } from '../../src/demo/seed.ts';
import { progressReporter } from '../../src/progress.ts';
import { DEMO_MEDIA_DIR } from './demo-media.ts';
import { buildEditor } from '../../scripts/build-editor.ts';

export default async function setup() {
  // The newsroom pages load the editor bundle; browser tests need it built from the current sources.
  await buildEditor();
  await paintDemoImages(DEMO_MEDIA_DIR, progressReporter('Demo pictures for tests'));
}
