// `npm run bench`: every script in bench/, each printing its figures and writing bench/results/*.json.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureBuild } from './ensure-build.js';

ensureBuild();
let failed = false;
for (const file of readdirSync('bench').filter((f) => f.endsWith('.js')).sort()) {
	console.log(`\n▶ bench/${file}`);
	const result = spawnSync(process.execPath, [`bench/${file}`], { stdio: 'inherit' });
	failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
