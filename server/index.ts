import http from 'node:http';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { usePdfThread } from '#lib/server/billing/pdf-thread.js';
import { seedDemoIfEmpty, DEMO } from '#lib/server/accounts/demo.js';
import { assertClockSafe } from '#lib/server/clock.js';
import { config } from '#lib/server/config.js';
import { startRepeatNotes } from '#lib/server/intake/repeat-notes.js';
import { ROWS_SIGNAL } from '#lib/domain/documents/names.js';
import { setLiveDocs, setRowsSignal } from '#lib/server/live-docs.js';
import { deleteExpiredSessions } from '#lib/server/repositories/sessions.js';
import { startRuleScheduler } from '#lib/server/tickets/rule-scheduler.js';
import { version } from '../package.json';
import { openMigratedDatabase } from './boot.js';
import { stampOrigin, useOriginHeaders } from './origin.js';
import { MATERIALIZER_DEFAULTS, startMaterializer } from './materializer/worker.js';
import { startReminders } from './reminders.js';
import { startCompactor } from './sync/compactor.js';
import { createSyncServer, SYNC_DEFAULTS } from './sync/index.js';

const settings = config();
assertClockSafe(settings);
useOriginHeaders();
// imported only now: SvelteKit's handler reads its settings from the environment when it loads
const { handler } = await import('stackdesk:kit-handler');
// built beside this entry (vite.config.ts): PGlite's WASM runs there, off the event loop
const db = await openMigratedDatabase(fileURLToPath(new URL('./pglite-worker.js', import.meta.url)));
if (settings.seedDemo && (await seedDemoIfEmpty(db))) {
	console.log(`seeded the demo tenant "${DEMO.tenantName}": log in as ${DEMO.people[0].email} / ${DEMO.password}`);
}
// projects documents on a thread of the projection bundle, beside this entry (vite.config.ts)
const materializer = startMaterializer(db, { ...MATERIALIZER_DEFAULTS, workerScript: fileURLToPath(new URL('./project-worker.js', import.meta.url)) });
// a run's PDF is made on a thread of the PDF bundle, beside this entry (vite.config.ts)
usePdfThread(fileURLToPath(new URL('./pdf-worker.js', import.meta.url)));
// every page load makes a short-lived sync token: sweep expired sessions hourly
const sweep = setInterval(() => void deleteExpiredSessions(db).catch((e) => console.error('session sweep:', e)), 60 * 60 * 1000);
sweep.unref();
const compactor = startCompactor(db);
// reminders are by the day: a scan every few minutes (REMINDER_SCAN_SECONDS) is plenty
const reminders = startReminders(db, settings.origin, settings.reminderScanMs);
// repeats of an alert are told on its ticket by one note per short window; a sweep writes any a stopped node left
const repeatNotes = startRepeatNotes(db);
// timer rules (idle, overdue) every RULES_TICK_SECONDS, one node at a time
const rulesTick = startRuleScheduler(db, settings.rulesTickMs);
const sync = createSyncServer(db, { redisUrl: settings.redisUrl, onLogged: () => materializer.wake() });
// updates made by the server (imports, undo) reach the people who have those documents open here
setLiveDocs((name, update) => {
	const live = sync.hocuspocus.documents.get(name);
	if (live) Y.applyUpdate(live, update);
});
// every staff browser holds its tenant's catalog: a stateless "rows" on it makes lists pull the feed
setRowsSignal((tenantId) => sync.hocuspocus.documents.get(`${tenantId}:catalog`)?.broadcastStateless(ROWS_SIGNAL));
const health = JSON.stringify({ ok: true, db: db.kind, version, ...(settings.testClock ? { testClock: true } : {}) });

const server = http.createServer((req, res) => {
	if (req.url === '/healthz') {
		res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
		return res.end(health);
	}
	stampOrigin(req, settings);
	handler(req, res, () => {
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('Not found');
	});
});

server.on('upgrade', (req, socket, head) => {
	const path = new URL(req.url ?? '/', 'http://x').pathname;
	if (path === SYNC_DEFAULTS.path) return void sync.handleUpgrade(req, socket, head);
	socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
});

server.listen(settings.port, settings.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : settings.port;
	console.log(`Stackdesk listening on http://${settings.host}:${port} (database: ${db.kind})`);
});

let stopping = false;
/** Stop taking work, store every open document, close the pool, then exit. */
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: shutting down`);
	server.close();
	server.closeIdleConnections();
	await sync.close();
	server.closeAllConnections();
	clearInterval(sweep);
	await compactor.stop();
	await reminders.stop();
	await repeatNotes.stop();
	await rulesTick.stop();
	await materializer.stop();
	await db.close();
	console.log('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
