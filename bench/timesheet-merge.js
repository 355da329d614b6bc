// Offline timesheet merge: a tech's device fills two ISO weeks with no network (200 time
// entries and 20 expenses), then reconnects one provider per week over one socket to the built
// Stackdesk server. Measured from the reconnect: until the server has acknowledged both
// documents (stored: appended to its update log), and until every row is projected into the
// database — polled in Postgres with SQL every 5 ms; on PGlite (one process holds it) through
// GET /api/v1/time/totals, which reads the projected time_entries. Several runs, each a fresh tech.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import * as Y from 'yjs';
import { acknowledged, connectHocuspocus, fmt, noteLoad, percentiles, sleep, verdict, waitFor, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startStackdesk } from './support/servers.js';

const RUNS = Number(process.env.BENCH_TIMESHEET_RUNS ?? 5);
const ENTRIES_PER_WEEK = 100;
const EXPENSES_PER_WEEK = 10;
const WEEKS = [
	{ week: '2026-W53', monday: '2026-12-28' },
	{ week: '2027-W01', monday: '2027-01-04' }
];
const TICKET = 'bench-ticket';
const POLL_MS = 5;
const TARGETS = { mergedMs: 500 };

const dayOf = (monday, i) => new Date(Date.parse(`${monday}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);

function record(doc, collection, fields) {
	const map = new Y.Map();
	doc.getMap(collection).set(fields.id, map);
	for (const [k, v] of Object.entries(fields)) map.set(k, v);
}

/** One week as the app writes it offline: an edit (a transaction) per entry and per expense. */
function offlineWeek(userId, { week, monday }, run) {
	const doc = new Y.Doc();
	const createdAt = new Date().toISOString();
	doc.transact(() => {
		for (const [k, v] of Object.entries({ schemaVersion: 1, kind: 'timesheet' })) doc.getMap('meta').set(k, v);
		for (const [k, v] of Object.entries({ id: `${userId}-${week}`, userId, week, status: 'open', submittedAt: null })) doc.getMap('timesheet').set(k, v);
	});
	for (let i = 0; i < ENTRIES_PER_WEEK; i++) {
		const startMinute = 360 + (i % 15) * 20;
		const fields = { id: `r${run}-${week}-e${i}`, date: dayOf(monday, Math.floor(i / 15)), startMinute, endMinute: startMinute + 20, minutes: null, ticketId: TICKET, taskId: null, projectId: null, customerId: null, workRole: 'Engineer', billable: i % 4 !== 0, notes: `entry ${i}`, createdAt, deletedAt: null };
		doc.transact(() => record(doc, 'entries', fields));
	}
	for (let i = 0; i < EXPENSES_PER_WEEK; i++) {
		const fields = { id: `r${run}-${week}-x${i}`, date: dayOf(monday, i % 7), category: 'Mileage', amount: 1000 + i, billable: true, markupBasisPoints: 0, receiptFileId: null, customerId: null, ticketId: TICKET, projectId: null, notes: null, createdAt, deletedAt: null };
		doc.transact(() => record(doc, 'expenses', fields));
	}
	return doc;
}

/** A technician of the tenant, signed in: cookie, id and sync tokens. */
async function technician(server, owner, n) {
	const { base } = server;
	const post = (path, body, cookie) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
	const invited = await (await post('/api/v1/invitations', { email: `tech${n}@example.test`, role: 'technician' }, owner.cookie)).json();
	const accepted = await post('/api/v1/invitations/accept', { token: invited.invitation.acceptUrl.split('/invite/')[1], name: `Tech ${n}`, password: 'bench password 1' });
	const cookie = accepted.headers.get('set-cookie').split(';')[0];
	const me = await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json();
	const token = async () => (await (await post('/api/v1/sync/token', {}, cookie)).json()).token;
	return { cookie, userId: me.user.id, token };
}

async function measure(backend) {
	const server = await startStackdesk({ backend });
	const db = backend === 'postgres' ? new pg.Client({ connectionString: server.databaseUrl }) : null;
	await db?.connect();
	const runs = [];
	try {
		for (let run = 0; run < RUNS; run++) {
			const owner = await signUp(server, run);
			const tech = await technician(server, owner, run);
			const docs = WEEKS.map((w) => offlineWeek(tech.userId, w, run));
			const expectedMinutes = WEEKS.length * ENTRIES_PER_WEEK * 20;
			const token = await tech.token();
			const names = WEEKS.map((w) => `${owner.tenantId}:timesheet:${tech.userId}:${w.week}`);

			const rowsLanded = db
				? async () => {
						const { rows } = await db.query(
							`SELECT (SELECT count(*)::int FROM time_entries WHERE tenant_id = $1 AND user_id = $2 AND deleted_at IS NULL) AS entries,
							 (SELECT count(*)::int FROM expenses WHERE tenant_id = $1 AND user_id = $2 AND deleted_at IS NULL) AS expenses`,
							[owner.tenantId, tech.userId]
						);
						return rows[0].entries === WEEKS.length * ENTRIES_PER_WEEK && rows[0].expenses === WEEKS.length * EXPENSES_PER_WEEK;
					}
				: async () => {
						const res = await fetch(`${server.base}/api/v1/time/totals?ticketId=${TICKET}`, { headers: { cookie: tech.cookie } });
						const { totals } = await res.json();
						return totals.reduce((sum, t) => sum + t.minutes, 0) === expectedMinutes;
					};

			// the reconnect: one socket, a provider per week, as the app's pool does
			const t0 = performance.now();
			const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl });
			const clients = await Promise.all(names.map((name, i) => connectHocuspocus({ url: server.wsUrl, name, token, doc: docs[i], socket })));
			let storedMs = null;
			const stored = waitFor(() => clients.every((c) => acknowledged(c.provider)), { everyMs: 1, what: 'both weeks acknowledged' }).then(() => (storedMs = performance.now() - t0));
			await waitFor(rowsLanded, { everyMs: POLL_MS, what: 'every row projected' });
			const mergedMs = performance.now() - t0;
			await stored;
			runs.push({ storedMs: +storedMs.toFixed(1), mergedMs: +mergedMs.toFixed(1) });
			console.log(`  run ${run + 1}: both weeks stored ${fmt(storedMs)}, every row in the database ${fmt(mergedMs)}`);
			for (const c of clients) c.provider.destroy();
			socket.destroy();
			await sleep(200);
		}
	} finally {
		await db?.end();
		await server.stop();
	}
	const merged = percentiles(runs.map((r) => r.mergedMs));
	const stored = percentiles(runs.map((r) => r.storedMs));
	const pass = merged.p50 <= TARGETS.mergedMs;
	console.log(`${server.label}: merged p50 ${fmt(merged.p50)}, max ${fmt(merged.max)} (target ≤ ${TARGETS.mergedMs} ms) ${verdict(pass)}; stored p50 ${fmt(stored.p50)}`);
	return { label: server.label, rowsCheckedBy: db ? 'SQL on time_entries and expenses' : 'GET /api/v1/time/totals (time_entries)', runs, storedMs: stored, mergedMs: merged, pass };
}

noteLoad();
console.log(`timesheet merge: ${WEEKS.length} weeks, ${WEEKS.length * ENTRIES_PER_WEEK} entries and ${WEEKS.length * EXPENSES_PER_WEEK} expenses made offline, then one reconnect; ${RUNS} runs`);
const figures = { pglite: await measure('pglite') };
if (!process.env.BENCH_SKIP_POSTGRES && (await postgresAvailable())) figures.postgres = await measure('postgres');
else console.log('Postgres not reachable: Stackdesk (Postgres) skipped');
const pass = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.pass]));
pass.all = Object.values(pass).every(Boolean);
console.log(pass.all ? 'timesheet merge: target met' : 'timesheet merge: TARGET MISSED (see FAIL above)');
writeResult('timesheet-merge', {
	setup: { weeks: WEEKS.length, entries: WEEKS.length * ENTRIES_PER_WEEK, expenses: WEEKS.length * EXPENSES_PER_WEEK, runs: RUNS, socketsPerClient: 1, pollMs: POLL_MS, transport: 'loopback' },
	figures,
	targets: TARGETS,
	pass
});
process.exit(0);
