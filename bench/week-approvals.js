// Approving 50 timesheet weeks at once (issue 6: ≤ 1 s). One person's 50 submitted weeks,
// 20 one-hour entries each, are synced to a real server and wait for approval; the approver
// POSTs one decision for all 50. Timed: the answer (the transaction: lock, snapshot each week
// from its rows, audit, stamp each week's document), and until every week's open copy on the
// person's device shows the stamp. Trials reopen the weeks in between; the figure is the median.
import * as Y from 'yjs';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { acknowledged, connectHocuspocus, noteLoad, verdict, waitFor, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startStackdesk } from './support/servers.js';

const WEEKS = Number(process.env.BENCH_APPROVAL_WEEKS ?? 50);
const ENTRIES = 20;
const TRIALS = Number(process.env.BENCH_APPROVAL_TRIALS ?? 3);
const TARGET_MS = 1_000;

const weekName = (i) => `2026-W${String(i + 1).padStart(2, '0')}`;

/** The Monday of ISO week `w` of 2026 (its week 1 starts on Monday, 2025-12-29). */
function monday(i) {
	const day = new Date(Date.UTC(2025, 11, 29 + 7 * i));
	return (offset) => new Date(day.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A submitted week as the app writes it: the entity and 20 one-hour entries, four a day Monday to Friday. */
function submittedWeek(userId, i) {
	const doc = new Y.Doc();
	const week = weekName(i);
	const date = monday(i);
	doc.transact(() => {
		doc.getMap('meta').set('kind', 'timesheet');
		doc.getMap('meta').set('schemaVersion', 1);
		const entity = doc.getMap('timesheet');
		for (const [k, v] of Object.entries({ id: `${userId}-${week}`, userId, week, status: 'submitted', submittedAt: new Date().toISOString() })) entity.set(k, v);
		const entries = doc.getMap('entries');
		for (let e = 0; e < ENTRIES; e++) {
			const record = new Y.Map();
			entries.set(`${week}-e${e}`, record);
			const start = 480 + (e % 4) * 60;
			for (const [k, v] of Object.entries({ id: `${week}-e${e}`, date: date(Math.floor(e / 4)), startMinute: start, endMinute: start + 60, billable: true, notes: `entry ${e}` })) record.set(k, v);
		}
	});
	return doc;
}

async function api(server, owner, method, path, body) {
	const res = await fetch(`${server.base}${path}`, { method, headers: { origin: server.base, cookie: owner.cookie, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
	return res.json();
}

const stamped = (open, status) => open.every(({ doc }) => doc.getMap('approval').get('status') === status);

async function measure(backend) {
	const server = await startStackdesk({ backend });
	const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl });
	try {
		const owner = await signUp(server);
		const { user } = await api(server, owner, 'GET', '/api/v1/me');
		const token = await owner.token();
		const open = await Promise.all(Array.from({ length: WEEKS }, (_, i) => connectHocuspocus({ url: server.wsUrl, socket, token, name: `${owner.tenantId}:timesheet:${user.id}:${weekName(i)}`, doc: submittedWeek(user.id, i) })));
		await waitFor(() => open.every(({ provider }) => acknowledged(provider)), { what: 'weeks stored' });
		await waitFor(() => stamped(open, 'submitted'), { timeoutMs: 60_000, what: 'weeks waiting' });
		const weeks = Array.from({ length: WEEKS }, (_, i) => ({ userId: user.id, week: weekName(i) }));
		const trials = [];
		for (let t = 0; t < TRIALS; t++) {
			const started = performance.now();
			await api(server, owner, 'POST', '/api/v1/timesheets/approvals', { weeks, decision: 'approve' });
			const answeredMs = performance.now() - started;
			await waitFor(() => stamped(open, 'approved'), { everyMs: 2, what: 'stamps' });
			trials.push({ answeredMs: +answeredMs.toFixed(1), stampedMs: +(performance.now() - started).toFixed(1) });
			await api(server, owner, 'POST', '/api/v1/timesheets/approvals', { weeks, decision: 'reject', comment: 'bench: reopened' });
			await waitFor(() => stamped(open, 'rejected'), { what: 'reopened' });
		}
		for (const o of open) o.provider.destroy();
		const median = [...trials].sort((a, b) => a.stampedMs - b.stampedMs)[Math.floor(trials.length / 2)];
		console.log(`${server.label.padEnd(22)} approve ${WEEKS} weeks (${ENTRIES} entries each): answered ${median.answeredMs} ms, stamped on the device ${median.stampedMs} ms (trials ${trials.map((t) => t.stampedMs).join(', ')})`);
		return { label: server.label, weeks: WEEKS, entriesPerWeek: ENTRIES, ...median, trials };
	} finally {
		socket.destroy();
		await server.stop();
	}
}

noteLoad();
const runs = {};
for (const backend of ['postgres', 'pglite']) {
	if (backend === 'postgres' && !(await postgresAvailable())) {
		console.log('week approvals: PostgreSQL not reachable, Postgres skipped');
		continue;
	}
	runs[backend] = await measure(backend);
}
const main = runs.postgres ?? runs.pglite;
const pass = { approve50: main.stampedMs <= TARGET_MS };
console.log(`approving ${WEEKS} weeks on ${main.label}: ${main.stampedMs} ms until stamped (target ≤ ${TARGET_MS} ms) ${verdict(pass.approve50)}`);
writeResult('week-approvals', { setup: { weeks: WEEKS, entriesPerWeek: ENTRIES, trials: TRIALS }, figures: runs, targets: { approveMs: TARGET_MS }, pass });
process.exit(0);
