import { ensureBuild } from './ensure-build.js';

ensureBuild();
await import('../build/server/stackdesk.js');
