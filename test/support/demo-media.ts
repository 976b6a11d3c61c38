// Demo pictures are deterministic, so one painted copy serves every test in a run (see global-setup.ts).
import os from 'node:os';
import path from 'node:path';

export const DEMO_MEDIA_DIR = path.join(os.tmpdir(), 'masthead-test-demo-media');
