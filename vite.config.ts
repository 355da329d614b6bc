import { defineConfig, type Plugin } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { fileURLToPath } from 'node:url';

// adapter-node's request handler, imported by the process entry so the same
// module instance (and SvelteKit server) serves both.
const kitHandler = fileURLToPath(import.meta.resolve('@sveltejs/adapter-node')).replace(
	/index\.js$/,
	'src/handler.js'
);

/**
 * Builds the process entry (server/index.ts) into the same server bundle as the
 * SvelteKit app, so the app and the sync server share one copy of every module
 * (one database pool, one configuration) instead of two.
 */
function processEntry(): Plugin {
	return {
		name: 'stackdesk-process-entry',
		apply: 'build',
		config: () => ({ resolve: { alias: { 'stackdesk:kit-handler': kitHandler } } }),
		configEnvironment(name) {
			if (name !== 'ssr') return;
			return { build: { rolldownOptions: { input: { stackdesk: 'server/index.ts', cli: 'server/cli.ts', 'project-worker': 'server/project-worker.ts', 'pglite-worker': 'server/pglite-worker.ts', 'pdf-worker': 'server/pdf-worker.ts' } } } };
		}
	};
}

export default defineConfig({
	plugins: [sveltekit({ adapter: adapter({ precompress: true }) }), processEntry()]
});
