import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** `npm start` and the CLI build first when there is no build yet (a fresh clone). */
export function ensureBuild() {
	if (existsSync('build/server/stackdesk.js') && existsSync('build/server/cli.js')) return;
	console.log('no build yet: building Stackdesk (about a minute, once)…');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
