import { ensureBuild } from './ensure-build.js';

ensureBuild();
await import('../build/server/cli.js');
