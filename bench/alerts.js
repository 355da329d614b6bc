// Alert ingestion: 5,000 alerts over 200 alert keys (so 200 tickets, 4,800 repeats), sent by
// 50 concurrent senders to POST /api/v1/alerts with the tenant's integration key, timed from
// the first request to the last answer. Dedupe is checked afterwards: exactly one ticket per
// key and every alert counted (from Postgres itself, or the API and row feed on PGlite). The figure
// is the median of a few trials (BENCH_ALERT_TRIALS, 3 on Postgres).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { noteLoad, percentiles, verdict, waitFor, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startStackdesk } from './support/servers.js';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 5_000);
const KEYS = Number(process.env.BENCH_ALERT_KEYS ?? 200);
const SENDERS = Number(process.env.BENCH_ALERT_SENDERS ?? 50);
/** trials on Postgres (the target) and PGlite; the figure is the median */
const TRIALS = { postgres: Number(process.env.BENCH_ALERT_TRIALS ?? 3), pglite: Number(process.env.BENCH_ALERT_PGLITE_TRIALS ?? 1) };
const TARGET_PER_SECOND = 1_000;

const SEVERITIES = ['critical', 'high', 'warning', 'info'];
const body = (i) =>
	JSON.stringify({
		source: 'bench-monitor',
		alertKey: `host-${i % KEYS}/check`,
		device: `HOST-${i % KEYS}`,
		severity: SEVERITIES[i % SEVERITIES.length],
		title: `Check failed on host ${i % KEYS}`,
		message: `sample ${i}: no answer in 5 s`,
		state: 'open'
	});

/** CPU seconds (user + system) a process has used: under a busy machine a steadier figure than wall time. */
function cpuSeconds(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function integrationKey(server, owner) {
	const res = await fetch(`${server.base}/api/v1/integrations/key`, { method: 'POST', headers: { origin: server.base, cookie: owner.cookie } });
	if (res.status !== 201) throw new Error(`key: ${res.status} ${await res.text()}`);
	return (await res.json()).key;
}

/** SENDERS loops, each taking the next alert until all are sent; the latency of each request. */
async function send(server, key) {
	const latencies = [];
	const statuses = {};
	let next = 0;
	const sender = async () => {
		for (let i = next++; i < ALERTS; i = next++) {
			const started = performance.now();
			const res = await fetch(`${server.base}/api/v1/alerts`, {
				method: 'POST',
				headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
				body: body(i)
			});
			await res.arrayBuffer();
			latencies.push(performance.now() - started);
			statuses[res.status] = (statuses[res.status] ?? 0) + 1;
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: SENDERS }, sender));
	return { seconds: (performance.now() - started) / 1000, latencies, statuses };
}

/** One ticket per key and every alert counted: from the database (Postgres) or the API (PGlite). */
async function dedupe(server, owner) {
	if (server.databaseUrl) {
		const db = new pg.Client({ connectionString: server.databaseUrl });
		await db.connect();
		try {
			const counted = async () =>
				(
					await db.query(
						`SELECT (SELECT count(*) FROM alert_links WHERE tenant_id = $1)::int AS links,
						        (SELECT count(DISTINCT ticket_id) FROM alert_links WHERE tenant_id = $1)::int AS tickets,
						        (SELECT coalesce(sum(occurrences), 0) FROM alert_links WHERE tenant_id = $1)::int AS occurrences,
						        (SELECT count(*) FROM tickets WHERE tenant_id = $1 AND source = 'alert')::int AS "ticketRows"`,
						[owner.tenantId]
					)
				).rows[0];
			// the ticket rows come from the materializer, a moment after the answers
			return await waitFor(async () => {
				const c = await counted();
				return c.ticketRows >= KEYS ? c : null;
			}, { timeoutMs: 60_000, everyMs: 200, what: 'every ticket projected' }).catch(counted);
		} finally {
			await db.end();
		}
	}
	const get = async (path) => (await fetch(`${server.base}${path}`, { headers: { cookie: owner.cookie } })).json();
	const { alerts } = await get(`/api/v1/integrations/alerts?limit=500`);
	const ticketRows = await waitFor(async () => {
		const rows = await feedTickets(get);
		return rows >= KEYS ? rows : null;
	}, { timeoutMs: 60_000, everyMs: 200, what: 'every ticket projected' }).catch(() => feedTickets(get));
	return { links: alerts.length, tickets: new Set(alerts.map((a) => a.ticketId)).size, occurrences: alerts.reduce((s, a) => s + a.occurrences, 0), ticketRows };
}

/** How many alert tickets the browsers' row feed has (the latest row of each). */
async function feedTickets(get) {
	const ids = new Set();
	for (let since = '0', more = true; more; ) {
		const page = await get(`/api/v1/sync/rows?since=${since}&limit=5000`);
		for (const t of page.tables.tickets ?? []) if (t.source === 'alert' && !t.deletedAt) ids.add(t.id);
		since = page.cursor;
		more = page.more;
	}
	return ids.size;
}

/** One trial: a fresh tenant and key on the running server, ALERTS alerts, then the dedupe check. */
async function trial(server, n) {
	const owner = await signUp(server, n);
	const key = await integrationKey(server, owner);
	const cpuBefore = cpuSeconds(server.pid);
	const run = await send(server, key);
	const serverCpuMsPerAlert = +(((cpuSeconds(server.pid) - cpuBefore) * 1000) / ALERTS).toFixed(3);
	const counted = await dedupe(server, owner);
	const result = { seconds: +run.seconds.toFixed(2), perSecond: Math.round(ALERTS / run.seconds), latencyMs: percentiles(run.latencies), serverCpuMsPerAlert, statuses: run.statuses, counted };
	console.log(
		`${server.label.padEnd(22)} ${ALERTS} alerts over ${KEYS} keys, ${SENDERS} senders: ${result.seconds} s = ${result.perSecond} alerts/s ` +
			`(p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, server CPU ${serverCpuMsPerAlert} ms/alert); answers ${JSON.stringify(run.statuses)}; counted ${JSON.stringify(counted)}`
	);
	return result;
}

/**
 * TRIALS trials on one server (each its own tenant); the figure is their median, since a
 * shared machine makes single runs swing widely.
 */
async function measure(backend, trials) {
	const server = await startStackdesk({ backend });
	try {
		const runs = [];
		for (let i = 0; i < trials; i++) runs.push(await trial(server, i));
		const median = [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)];
		return { label: server.label, alerts: ALERTS, keys: KEYS, senders: SENDERS, trials: runs.length, ...median, perSecondOfTrials: runs.map((r) => r.perSecond), allDeduped: runs.every(dedupedOn) };
	} finally {
		await server.stop();
	}
}

const dedupedOn = (run) => run.statuses[201] === KEYS && run.counted.links === KEYS && run.counted.tickets === KEYS && run.counted.occurrences === ALERTS && run.counted.ticketRows === KEYS;

noteLoad();
const runs = {};
const backends = (process.env.BENCH_ALERT_BACKENDS ?? 'postgres,pglite').split(',').filter(Boolean);
for (const backend of backends) {
	if (backend === 'postgres' && !(await postgresAvailable())) {
		console.log('alerts: PostgreSQL not reachable, Postgres skipped');
		continue;
	}
	runs[backend] = await measure(backend, TRIALS[backend] ?? 1);
}
const main = runs.postgres ?? runs.pglite;
const deduped = Object.values(runs).every((run) => run.allDeduped);
const pass = { perSecond: main.perSecond >= TARGET_PER_SECOND, deduped };
for (const run of Object.values(runs)) console.log(`${run.label}: median of ${run.trials} trial(s) ${run.perSecond} alerts/s (trials: ${run.perSecondOfTrials.join(', ')})`);
console.log(`alert ingestion on ${main.label}: ${main.perSecond} alerts/s (target ≥ ${TARGET_PER_SECOND}) ${verdict(pass.perSecond)}; one ticket per key, every alert counted ${verdict(deduped)}`);
writeResult('alerts', { setup: { alerts: ALERTS, keys: KEYS, senders: SENDERS, trials: TRIALS }, figures: runs, targets: { perSecond: TARGET_PER_SECOND }, pass });
process.exit(0);
