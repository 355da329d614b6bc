// The capacity bench itself (bench/capacity.js runs it in a node with a larger heap).
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import * as Y from 'yjs';
import { noteLoad, acknowledged, connectHocuspocus, sleep, verdict, waitFor, writeResult } from './clients.js';
import { memoryOf, postgresAvailable, signUp, startBareHocuspocus, startStackdesk } from './servers.js';

const CLIENTS = Number(process.env.BENCH_CAPACITY_CLIENTS ?? 10_000);
const DOCUMENTS = Number(process.env.BENCH_CAPACITY_DOCUMENTS ?? 2_500);
const CLIENTS_PER_TOKEN = 100;
const CONNECT_BATCH = Number(process.env.BENCH_CAPACITY_BATCH ?? 250);
/** what a client's document holds: a customer, 3 sites, 3 contacts (filled by its first client) */
const SITES = 3;
const CONTACTS = 3;
/** after the last edit: the server stores documents (debounce 2 s) and projects them; then memory is sampled */
const SETTLE_MS = Number(process.env.BENCH_CAPACITY_SETTLE_MS ?? 6_000);
const SAMPLE_MS = 5_000;
/** a server that cannot take the clients in this time is measured at the count it reached */
const CONNECT_DEADLINE_S = Number(process.env.BENCH_CAPACITY_DEADLINE_S ?? 120);
const TARGETS = { maxRssMiB: 1024, maxRatioToBareHocuspocus: 1.5 };

function fill(doc, id) {
	doc.transact(() => {
		const set = (map, fields) => Object.entries(fields).forEach(([k, v]) => map.set(k, v));
		set(doc.getMap('meta'), { kind: 'customer', schemaVersion: 1 });
		set(doc.getMap('customer'), { id, name: `Customer ${id}`, status: 'active', phone: '+44 113 496 0000', email: `office@${id}.example.test` });
		for (let s = 0; s < SITES; s++) {
			const site = new Y.Map();
			doc.getMap('sites').set(`${id}-s${s}`, site);
			set(site, { id: `${id}-s${s}`, name: `Site ${s}`, address1: `${s + 1} Park Row`, city: 'Leeds', postalCode: 'LS1 5HD' });
		}
		for (let c = 0; c < CONTACTS; c++) {
			const contact = new Y.Map();
			doc.getMap('contacts').set(`${id}-c${c}`, contact);
			set(contact, { id: `${id}-c${c}`, name: `Contact ${c}`, email: `c${c}@${id}.example.test`, siteId: `${id}-s0`, portalAccess: 'none' });
		}
	});
}

const heapMiB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

async function measure(server) {
	const label = server.label;
	const idle = memoryOf(server.pid);
	let tenant;
	let tokens = [];
	if (server.kind === 'stackdesk') {
		tenant = await signUp(server);
		for (let i = 0; i < Math.ceil(CLIENTS / CLIENTS_PER_TOKEN); i++) tokens.push(await tenant.token());
	}
	const docName = (d) => (tenant ? `${tenant.tenantId}:customer:cap-${d}` : `cap-${d}`);

	const clients = [];
	let disconnects = 0;
	let failures = 0;
	let firstFailure;
	const started = performance.now();
	let stoppedAt;
	for (let first = 0; first < CLIENTS; first += CONNECT_BATCH) {
		if ((performance.now() - started) / 1000 > CONNECT_DEADLINE_S) {
			stoppedAt = first;
			console.log(`  ${label}: STOPPED connecting at ${first} clients: over the ${CONNECT_DEADLINE_S} s deadline (measuring what connected)`);
			break;
		}
		const batch = await Promise.all(
			Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - first) }, async (_, k) => {
				const c = first + k;
				const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl, messageReconnectTimeout: 3_600_000, maxAttempts: 1 });
				socket.on('disconnect', () => disconnects++);
				try {
					const client = await connectHocuspocus({
						url: server.wsUrl,
						name: docName(c % DOCUMENTS),
						token: tokens[Math.floor(c / CLIENTS_PER_TOKEN)] ?? null,
						socket,
						awareness: null,
						timeoutMs: 60_000
					});
					// the first client of each document fills it; the others get it through the server
					if (c < DOCUMENTS) fill(client.doc, `cap-${c}`);
					return { ...client, destroy: () => (client.provider.destroy(), socket.destroy()) };
				} catch (error) {
					failures++;
					firstFailure ??= error.message;
					socket.destroy();
					return null;
				}
			})
		);
		clients.push(...batch.filter(Boolean));
		if ((first / CONNECT_BATCH) % 8 === 7) {
			console.log(`  ${label}: ${clients.length} clients synced (${failures} failed), ${((performance.now() - started) / 1000).toFixed(1)} s, server RSS ${memoryOf(server.pid).rssMiB} MiB, bench RSS ${heapMiB()} MiB`);
		}
	}
	const connectSeconds = (performance.now() - started) / 1000;
	// every filled document acknowledged, and every client holding its document's content
	let allSynced = true;
	try {
		await waitFor(() => clients.every((c) => acknowledged(c.provider) && c.doc.getMap('contacts').size === CONTACTS), {
			timeoutMs: 60_000,
			everyMs: 250,
			what: 'every client synced with its document'
		});
	} catch (error) {
		allSynced = false;
		console.log(`  ${label}: ${error.message}`);
	}
	const syncedSeconds = (performance.now() - started) / 1000;
	const synced = memoryOf(server.pid);

	if (server.databaseUrl) {
		// the materializer has projected every document
		const db = new pg.Client({ connectionString: server.databaseUrl });
		await db.connect();
		await waitFor(async () => Number((await db.query('SELECT count(*) FROM outbox')).rows[0].count) === 0, { timeoutMs: 120_000, everyMs: 250, what: 'an empty outbox' });
		await db.end();
	}
	await sleep(SETTLE_MS);
	const samples = [];
	for (let t = 0; t < SAMPLE_MS; t += 500) {
		samples.push(memoryOf(server.pid).rssMiB);
		await sleep(500);
	}
	const settled = memoryOf(server.pid);
	const connected = clients.filter((c) => c.socket.status === 'connected' && c.provider.isSynced).length;
	const result = {
		label,
		clients: CLIENTS,
		documents: DOCUMENTS,
		connected,
		allSynced,
		failedToConnect: failures,
		...(firstFailure ? { firstFailure } : {}),
		...(stoppedAt !== undefined ? { stoppedConnectingAt: stoppedAt, connectDeadlineSeconds: CONNECT_DEADLINE_S } : {}),
		disconnects,
		connectSeconds: +connectSeconds.toFixed(1),
		allSyncedSeconds: +syncedSeconds.toFixed(1),
		idleRssMiB: idle.rssMiB,
		rssAtSyncMiB: synced.rssMiB,
		/** the figure: VmRSS after every client synced and the server settled (last sample) */
		rssMiB: settled.rssMiB,
		rssSamplesMiB: samples,
		peakRssMiB: settled.peakRssMiB,
		perClientKiB: +(((settled.rssMiB - idle.rssMiB) * 1024) / Math.max(1, clients.length)).toFixed(1),
		benchProcessRssMiB: heapMiB()
	};
	console.log(
		`${label.padEnd(22)} ${connected}/${CLIENTS} clients connected on ${Math.min(DOCUMENTS, stoppedAt ?? DOCUMENTS)} documents: RSS ${result.rssMiB} MiB ` +
			`(idle ${idle.rssMiB} MiB, at sync ${synced.rssMiB} MiB, peak ${settled.peakRssMiB} MiB, ${result.perClientKiB} KiB/client); ` +
			`connected in ${result.connectSeconds} s, ${disconnects} disconnects, ${failures} failed`
	);
	// close the clients in batches, then stop the server
	for (let i = 0; i < clients.length; i += 1000) {
		clients.slice(i, i + 1000).forEach((c) => c.destroy());
		await sleep(50);
	}
	return result;
}

async function run(start) {
	const server = await start();
	try {
		return await measure(server);
	} finally {
		await server.stop();
	}
}

noteLoad();
console.log(`capacity: ${CLIENTS} clients (one websocket each) on ${DOCUMENTS} documents, server RSS from /proc`);
const backends = (process.env.BENCH_CAPACITY_BACKENDS ?? 'postgres').split(',').filter(Boolean);
const runs = { bareHocuspocus: await run(startBareHocuspocus) };
for (const backend of backends) {
	if (backend === 'postgres' && !(await postgresAvailable())) {
		console.log('Postgres not reachable: Stackdesk (Postgres) skipped');
		continue;
	}
	runs[backend === 'postgres' ? 'stackdeskPostgres' : 'stackdeskPglite'] = await run(() => startStackdesk({ backend }));
}

const bare = runs.bareHocuspocus;
const pass = {};
const ratios = {};
console.log('');
for (const key of ['stackdeskPostgres', 'stackdeskPglite']) {
	const r = runs[key];
	if (!r) continue;
	const ratio = r.rssMiB / bare.rssMiB;
	ratios[key] = +ratio.toFixed(2);
	pass[key] = {
		allConnected: r.connected === CLIENTS && r.allSynced,
		rss: r.rssMiB < TARGETS.maxRssMiB,
		rssVsBare: ratio <= TARGETS.maxRatioToBareHocuspocus
	};
	console.log(
		`${r.label}: ${r.connected}/${CLIENTS} connected ${verdict(pass[key].allConnected)}; RSS ${r.rssMiB} MiB (target < ${TARGETS.maxRssMiB} MiB) ${verdict(pass[key].rss)}; ` +
			`×${ratios[key]} bare Hocuspocus's ${bare.rssMiB} MiB (target ≤ ×${TARGETS.maxRatioToBareHocuspocus}) ${verdict(pass[key].rssVsBare)}`
	);
}
pass.all = Object.values(pass).every((p) => Object.values(p).every(Boolean)) && bare.connected === CLIENTS;
console.log(pass.all ? 'capacity: all targets met' : 'capacity: TARGET MISSED (see FAIL above)');

writeResult('capacity', {
	setup: { clients: CLIENTS, documents: DOCUMENTS, clientsPerDocument: CLIENTS / DOCUMENTS, socketsPerClient: 1, awareness: false, recordsPerDocument: { sites: SITES, contacts: CONTACTS } },
	figures: Object.fromEntries(Object.entries(runs).filter(([k]) => k !== 'bareHocuspocus')),
	baselines: { bareHocuspocus: bare },
	ratiosToBareHocuspocus: ratios,
	targets: TARGETS,
	pass
});
// nothing may keep the bench alive once its results are written
process.exit(0);
