// The project's TypeScript as plain ESM, for a bench process that must not carry Vite itself:
// Vite's module runner adds ~110 MB of RSS to the process that loads through it, which would
// swamp a memory figure. Built once per bench run with Vite (as the app's server bundle is),
// dependencies left as imports; written under node_modules/.cache so they resolve from there.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds entries ({ name: 'src/lib/….ts' }) into node_modules/.cache/stackdesk-bench/DIR; returns { name: file path }. */
export async function bundleEntries(dir, entries) {
	const outDir = `${root}node_modules/.cache/stackdesk-bench/${dir}`;
	mkdirSync(outDir, { recursive: true });
	await build({
		root,
		configFile: false,
		logLevel: 'error',
		build: {
			ssr: true,
			outDir,
			emptyOutDir: true,
			minify: false,
			rolldownOptions: { input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `${root}${file}`])), output: { format: 'es', entryFileNames: '[name].js' } }
		}
	});
	return Object.fromEntries(Object.keys(entries).map((name) => [name, `${outDir}/${name}.js`]));
}
