// A worker thread holding the passive clients of the latency bench: real providers on
// the document that receive every broadcast (so the server fans out to all of them) but
// live on their own event loop, so decoding 48 copies of each edit does not queue in front
// of the client being measured.
import { parentPort, workerData } from 'node:worker_threads';
import { connectHocuspocus, connectYWebsocket, waitFor } from './clients.js';

const { kind, url, name, token, count } = workerData;
const connectOne = () => (kind === 'y-websocket' ? connectYWebsocket({ url, name }) : connectHocuspocus({ url, name, token }));

process.setMaxListeners(0);
const clients = [];
for (let i = 0; i < count; i += 10) {
	clients.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, connectOne))));
}
parentPort.postMessage({ type: 'connected' });

parentPort.on('message', async (message) => {
	const phone = () => clients.map((c) => c.doc.getMap('customer').get('phone'));
	if (message.type === 'wait-seeded') {
		await waitFor(() => clients.every((c) => c.doc.getMap('contacts').size === 5), { what: 'the seeded document on every passive client' });
		parentPort.postMessage({ type: 'seeded' });
	} else if (message.type === 'wait-value') {
		// every passive client must end with the last edit: none was dropped on the way
		const ok = await waitFor(() => phone().every((p) => p === message.value), { timeoutMs: 10_000, what: 'the last edit' }).catch(() => false);
		parentPort.postMessage({ type: 'value', ok, missing: phone().filter((p) => p !== message.value).length });
	} else if (message.type === 'close') {
		for (const c of clients) c.destroy();
		parentPort.postMessage({ type: 'closed' });
	}
});
