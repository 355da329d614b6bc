// Baseline: Hocuspocus 4's Server with no extensions, default settings, on a free loopback port.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
console.log(`bare hocuspocus listening on ${server.address.port}`);
process.on('SIGTERM', async () => {
	await server.destroy();
	process.exit(0);
});
