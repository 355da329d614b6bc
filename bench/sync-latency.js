// Live latency: an edit on one client → visible on another client of the same document.
// 50 clients (one websocket each) on one customer document: two measured clients take turns,
// one writes and the other observes (timed with performance.now() in this process); the other
// 48 are real providers in a worker thread that receive every broadcast, so the server fans
// each edit out to 49 sockets. The measured pair connects last, so it is served last of the
// fan-out. The same measurement runs against Stackdesk (PGlite, and Postgres when reachable),
// a bare Hocuspocus 4 server and the y-websocket 2.1 relay, each server in its own child process.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { noteLoad, connectHocuspocus, connectYWebsocket, fmt, percentiles, sleep, verdict, waitFor, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startBareHocuspocus, startStackdesk, startYWebsocket } from './support/servers.js';

const CLIENTS = Number(process.env.BENCH_LATENCY_CLIENTS ?? 50);
const EDITS = Number(process.env.BENCH_LATENCY_EDITS ?? 1000);
const WARMUP = Number(process.env.BENCH_LATENCY_WARMUP ?? 50);
/** pause between one edit arriving and the next edit (50 writers at ~1 edit/s each, roughly) */
const GAP_MS = Number(process.env.BENCH_LATENCY_GAP_MS ?? 10);
const EDIT_TIMEOUT_MS = 5_000;
const TARGETS = { p50Ms: 3, p99Ms: 10, maxRatioToBareHocuspocus: 1.5 };

/** The document every run starts from: a customer with a few sites and contacts. */
function seed(doc, id) {
	doc.transact(() => {
		const meta = doc.getMap('meta');
		meta.set('kind', 'customer');
		meta.set('schemaVersion', 1);
		const customer = doc.getMap('customer');
		for (const [k, v] of Object.entries({ id, name: 'Latency Bench Ltd', status: 'active', phone: 'start' })) customer.set(k, v);
		for (let i = 0; i < 5; i++) {
			const site = new Y.Map();
			doc.getMap('sites').set(`site-${i}`, site);
			for (const [k, v] of Object.entries({ id: `site-${i}`, name: `Site ${i}`, city: 'Leeds' })) site.set(k, v);
			const contact = new Y.Map();
			doc.getMap('contacts').set(`contact-${i}`, contact);
			for (const [k, v] of Object.entries({ id: `contact-${i}`, name: `Contact ${i}`, email: `c${i}@example.test` })) contact.set(k, v);
		}
	});
}

/** The passive clients: a worker thread of providers, driven by messages. */
function startPassive(workerData) {
	const worker = new Worker(new URL('./support/passive-clients.js', import.meta.url), { workerData });
	const next = (type) =>
		new Promise((resolve, reject) => {
			const onMessage = (message) => {
				if (message.type !== type) return;
				worker.off('message', onMessage);
				resolve(message);
			};
			worker.on('message', onMessage);
			worker.once('error', reject);
		});
	const ask = (message, answer) => (worker.postMessage(message), next(answer));
	return {
		connected: next('connected'),
		seeded: () => ask({ type: 'wait-seeded' }, 'seeded'),
		hasValue: (value) => ask({ type: 'wait-value', value }, 'value'),
		close: () => ask({ type: 'close' }, 'closed').then(() => worker.terminate())
	};
}

/** Runs the edits, the measured pair taking turns, and returns the latency samples. */
async function runEdits(pair) {
	let current = null;
	pair.forEach((client, index) => {
		const customer = client.doc.getMap('customer');
		customer.observe((event) => {
			if (!current || index === current.writer || !event.keysChanged.has('phone')) return;
			if (customer.get('phone') === current.value) current.done(performance.now() - current.t0);
		});
	});

	const samples = [];
	let lost = 0;
	for (let i = 0; i < WARMUP + EDITS; i++) {
		const writer = i % pair.length;
		const seen = new Promise((resolve) => {
			current = { writer, value: `edit-${i}`, done: resolve, t0: 0 };
		});
		const timeout = sleep(EDIT_TIMEOUT_MS).then(() => null);
		current.t0 = performance.now();
		pair[writer].doc.getMap('customer').set('phone', current.value);
		const elapsed = await Promise.race([seen, timeout]);
		if (i >= WARMUP) {
			if (elapsed === null) lost++;
			else samples.push(elapsed);
		}
		current = null;
		if (GAP_MS > 0) await sleep(GAP_MS);
	}
	return { samples, lost, last: `edit-${WARMUP + EDITS - 1}` };
}

/** How clients of this server connect: passive ones in the worker, the pair here. */
async function clientSetup(server) {
	if (server.kind === 'stackdesk') {
		const tenant = await signUp(server);
		const token = await tenant.token();
		const name = `${tenant.tenantId}:customer:latency-bench`;
		return { workerData: { kind: 'hocuspocus', url: server.wsUrl, name, token }, connectOne: () => connectHocuspocus({ url: server.wsUrl, name, token }) };
	}
	const name = 'latency-bench';
	if (server.kind === 'hocuspocus') return { workerData: { kind: 'hocuspocus', url: server.wsUrl, name }, connectOne: () => connectHocuspocus({ url: server.wsUrl, name }) };
	return { workerData: { kind: 'y-websocket', url: server.wsUrl, name }, connectOne: () => connectYWebsocket({ url: server.wsUrl, name }) };
}

async function measure(label, start) {
	const server = await start();
	let disconnects = 0;
	let pair = [];
	let passive;
	try {
		const { workerData, connectOne } = await clientSetup(server);
		const connectStarted = performance.now();
		passive = startPassive({ ...workerData, count: CLIENTS - 2 });
		await passive.connected;
		pair = [await connectOne(), await connectOne()];
		const connectMs = performance.now() - connectStarted;
		for (const c of pair) (c.socket ?? c.provider).on(c.socket ? 'disconnect' : 'connection-close', () => disconnects++);
		seed(pair[0].doc, 'latency-bench');
		await waitFor(() => pair[1].doc.getMap('contacts').size === 5, { what: 'the seeded document' });
		await passive.seeded();
		await sleep(500);

		const started = performance.now();
		const run = await runEdits(pair);
		const seconds = (performance.now() - started) / 1000;
		const everywhere = await passive.hasValue(run.last);
		const result = {
			label,
			clients: pair.length + CLIENTS - 2,
			edits: EDITS,
			warmupEdits: WARMUP,
			gapMs: GAP_MS,
			lostEdits: run.lost,
			passiveClientsMissingLastEdit: everywhere.missing,
			disconnects,
			connectAllMs: +connectMs.toFixed(0),
			seconds: +seconds.toFixed(1),
			/** edit → the other measured client has it (the figure) */
			otherClientMs: percentiles(run.samples)
		};
		const s = result.otherClientMs;
		console.log(
			`${label.padEnd(24)} p50 ${fmt(s.p50).padStart(9)}  p90 ${fmt(s.p90).padStart(9)}  p99 ${fmt(s.p99).padStart(9)}  max ${fmt(s.max).padStart(9)}` +
				`  | lost ${run.lost}, passive clients without the last edit ${everywhere.missing}, disconnects ${disconnects}, ${seconds.toFixed(1)} s`
		);
		return result;
	} finally {
		for (const c of pair) c.destroy();
		await passive?.close();
		await server.stop();
	}
}

process.setMaxListeners(0); // y-websocket providers each listen for process exit
const withPostgres = process.env.BENCH_SKIP_POSTGRES ? false : await postgresAvailable();
noteLoad();
console.log(`live latency: ${CLIENTS} clients on one document (2 measured, ${CLIENTS - 2} passive), ${EDITS} edits (+${WARMUP} warm-up), ${GAP_MS} ms apart`);
const runs = {};
runs.bareHocuspocus = await measure('bare Hocuspocus 4', startBareHocuspocus);
runs.yWebsocket = await measure('y-websocket 2.1 relay', startYWebsocket);
runs.stackdeskPglite = await measure('Stackdesk (PGlite)', () => startStackdesk({ backend: 'pglite' }));
if (withPostgres) runs.stackdeskPostgres = await measure('Stackdesk (Postgres)', () => startStackdesk({ backend: 'postgres' }));
else console.log('Postgres not reachable: Stackdesk (Postgres) skipped');

const bare = runs.bareHocuspocus.otherClientMs;
const pass = {};
const ratios = {};
console.log('');
for (const key of ['stackdeskPglite', 'stackdeskPostgres']) {
	const run = runs[key];
	if (!run) continue;
	const s = run.otherClientMs;
	const ratio = { p50: s.p50 / bare.p50, p99: s.p99 / bare.p99 };
	ratios[key] = { p50: +ratio.p50.toFixed(2), p99: +ratio.p99.toFixed(2) };
	pass[key] = {
		p50: s.p50 <= TARGETS.p50Ms,
		p99: s.p99 <= TARGETS.p99Ms,
		p50VsBare: ratio.p50 <= TARGETS.maxRatioToBareHocuspocus,
		p99VsBare: ratio.p99 <= TARGETS.maxRatioToBareHocuspocus,
		noLostEdits: run.lostEdits === 0 && run.passiveClientsMissingLastEdit === 0
	};
	console.log(
		`${run.label}: p50 ${fmt(s.p50)} (target ≤ ${TARGETS.p50Ms} ms) ${verdict(pass[key].p50)}; ` +
			`p99 ${fmt(s.p99)} (target ≤ ${TARGETS.p99Ms} ms) ${verdict(pass[key].p99)}`
	);
	console.log(
		`${' '.repeat(run.label.length)}  vs bare Hocuspocus: p50 ×${ratios[key].p50} ${verdict(pass[key].p50VsBare)}, ` +
			`p99 ×${ratios[key].p99} ${verdict(pass[key].p99VsBare)} (target ≤ ×${TARGETS.maxRatioToBareHocuspocus})` +
			(pass[key].noLostEdits ? '' : '; edits were lost FAIL')
	);
}
if (bare.p50 > TARGETS.p50Ms || bare.p99 > TARGETS.p99Ms) {
	console.log(
		`note: bare Hocuspocus itself measures p50 ${fmt(bare.p50)}, p99 ${fmt(bare.p99)} here (${os.cpus().length} cores shared by the server and the clients): ` +
			`the floor of this measurement is above the absolute targets`
	);
}
const allPass = Object.values(pass).every((p) => Object.values(p).every(Boolean));
pass.all = allPass;
console.log(allPass ? 'live latency: all targets met' : 'live latency: TARGET MISSED (see FAIL above)');

writeResult('sync-latency', {
	setup: { clients: CLIENTS, measuredClients: 2, passiveClients: CLIENTS - 2, documents: 1, edits: EDITS, warmupEdits: WARMUP, gapMs: GAP_MS, socketsPerClient: 1, transport: 'loopback' },
	figures: {
		stackdeskPglite: runs.stackdeskPglite,
		...(runs.stackdeskPostgres ? { stackdeskPostgres: runs.stackdeskPostgres } : {})
	},
	baselines: { bareHocuspocus: runs.bareHocuspocus, yWebsocket: runs.yWebsocket },
	ratiosToBareHocuspocus: ratios,
	targets: TARGETS,
	pass
});
// nothing may keep the bench alive once its results are written
process.exit(0);
