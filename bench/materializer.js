// Materializer figures, on Stackdesk with Postgres (BENCH_DATABASE_URL's server, default the local one):
//  1. lag: a client's edit → its row changed in Postgres (polled every 5 ms);
//  2. offline merge: two replicas that synced once each make 1,000 edits offline, then reconnect:
//     time until both are acknowledged and equal (bare Hocuspocus 4 as the baseline);
//  3. rematerialize throughput: ~500 customer documents × ~41 rows filled through the websocket,
//     the server stopped, `cli.js rematerialize` timed; baseline: raw batched upserts of the same
//     rows through `pg` into scratch tables of the same shape.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn } from 'node:child_process';
import pg from 'pg';
import * as Y from 'yjs';
import { noteLoad, acknowledged, connectHocuspocus, deepEqual, fmt, percentiles, sleep, verdict, waitFor, writeResult } from './support/clients.js';
import { serverNodeArgs, signUp, startBareHocuspocus, startStackdesk } from './support/servers.js';

const LAG_EDITS = Number(process.env.BENCH_LAG_EDITS ?? 300);
const LAG_WARMUP = 20;
const POLL_MS = 5;
const OFFLINE_EDITS = Number(process.env.BENCH_OFFLINE_EDITS ?? 1000);
const REMAT_DOCS = Number(process.env.BENCH_REMAT_DOCS ?? 2000);
const SITES_PER_DOC = 20;
const CONTACTS_PER_DOC = 20;
const DOCS_PER_SOCKET = 50;
const RAW_BATCH = 1000;
const TARGETS = {
	lagP50Ms: 300,
	lagP99Ms: 1000,
	rematerializeRowsPerSecond: 50_000,
	rematerializeMaxRatioToRawUpserts: 4,
	offlineMergeMs: 1000
};

// ---------------------------------------------------------------- documents

function setFields(map, fields) {
	for (const [k, v] of Object.entries(fields)) map.set(k, v);
}

function addRecord(doc, collection, fields) {
	const record = new Y.Map();
	doc.getMap(collection).set(fields.id, record);
	setFields(record, fields);
}

/** A customer with `sites` sites and `contacts` contacts, in one transaction (one update). */
function fillCustomer(doc, id, { sites = SITES_PER_DOC, contacts = CONTACTS_PER_DOC } = {}) {
	doc.transact(() => {
		setFields(doc.getMap('meta'), { kind: 'customer', schemaVersion: 1 });
		setFields(doc.getMap('customer'), {
			id,
			name: `Customer ${id}`,
			status: 'active',
			industry: 'Manufacturing',
			website: `https://${id}.example.test`,
			phone: '+44 113 496 0000',
			email: `office@${id}.example.test`,
			createdAt: '2026-01-05T09:00:00.000Z'
		});
		for (let s = 0; s < sites; s++) {
			addRecord(doc, 'sites', {
				id: `${id}-s${s}`,
				name: `Site ${s}`,
				address1: `${s + 1} Park Row`,
				city: 'Leeds',
				region: 'West Yorkshire',
				postalCode: 'LS1 5HD',
				country: 'GB',
				phone: `+44 113 496 ${String(s).padStart(4, '0')}`,
				hours: 'Mon–Fri 08:00–18:00'
			});
		}
		for (let c = 0; c < contacts; c++) {
			addRecord(doc, 'contacts', {
				id: `${id}-c${c}`,
				name: `Contact ${c}`,
				title: 'IT lead',
				email: `contact${c}@${id}.example.test`,
				phone: `+44 7700 900${String(c).padStart(3, '0')}`,
				siteId: `${id}-s${c % Math.max(1, sites)}`,
				portalAccess: 'none'
			});
		}
	});
}

// ---------------------------------------------------------------- 1. lag

async function measureLag(server, tenant, db) {
	const token = await tenant.token();
	const id = 'lag-bench';
	const client = await connectHocuspocus({ url: server.wsUrl, name: `${tenant.tenantId}:customer:${id}`, token });
	let ackedAt = 0;
	client.provider.on('unsyncedChanges', ({ number }) => number === 0 && (ackedAt = performance.now()));
	fillCustomer(client.doc, id);
	const phoneIs = async (value) =>
		(await db.query('SELECT phone FROM customers WHERE tenant_id = $1 AND id = $2', [tenant.tenantId, id])).rows[0]?.phone === value;
	await waitFor(() => phoneIs('+44 113 496 0000'), { what: 'the first projection' });

	const lag = [];
	const ack = [];
	let lost = 0;
	for (let i = 0; i < LAG_WARMUP + LAG_EDITS; i++) {
		const value = `+44 113 496 ${String(i).padStart(4, '0')}-x`;
		ackedAt = 0;
		const t0 = performance.now();
		client.doc.getMap('customer').set('phone', value);
		const deadline = t0 + 10_000;
		let seenAt = 0;
		while (performance.now() < deadline) {
			if (await phoneIs(value)) {
				seenAt = performance.now();
				break;
			}
			await sleep(POLL_MS);
		}
		if (i < LAG_WARMUP) continue;
		if (!seenAt) lost++;
		else lag.push(seenAt - t0);
		if (ackedAt) ack.push(ackedAt - t0);
		await sleep(10 + (i % 7) * 3); // edits at irregular moments, not in step with any timer
	}
	client.destroy();
	return { edits: LAG_EDITS, pollMs: POLL_MS, lost, lagMs: percentiles(lag), serverAckMs: percentiles(ack) };
}

// ---------------------------------------------------------------- 2. offline merge

/** The i-th offline edit of replica `tag`: a customer field, a new site, a new contact, or a record edit. */
function offlineEdit(doc, tag, i) {
	doc.transact(() => {
		switch (i % 4) {
			case 0:
				doc.getMap('customer').set(['phone', 'email', 'website', 'industry'][(i / 4) % 4], `${tag}-${i}`);
				break;
			case 1:
				addRecord(doc, 'sites', { id: `${tag}-s${i}`, name: `Site ${tag} ${i}`, city: 'Bradford' });
				break;
			case 2:
				addRecord(doc, 'contacts', { id: `${tag}-c${i}`, name: `Contact ${tag} ${i}`, email: `${tag}${i}@example.test` });
				break;
			default: {
				// edit a record both replicas share (seeded) or one made offline just before
				const sites = doc.getMap('sites');
				const target = i % 8 === 3 ? sites.get(`merge-s${i % 5}`) : sites.get(`${tag}-s${i - 2}`);
				target?.set('hours', `${tag} ${i}`);
			}
		}
	});
}

const sameContent = (a, b) => ['customer', 'sites', 'contacts'].every((k) => deepEqual(a.getMap(k).toJSON(), b.getMap(k).toJSON()));
const sameStateVector = (a, b) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

/**
 * `mode`: 'queued' — the app's way (providers stay attached, the socket goes offline, the provider
 * queues each edit and sends the queue on reconnect); 'reload' — fresh providers on the edited
 * documents (a reopened tab: the sync handshake carries each replica's offline edits as one diff).
 */
async function measureOfflineMerge({ url, name, token = null, mode, keeper = false }) {
	const connect = (doc) => connectHocuspocus({ url, name, token, doc });
	const keep = keeper ? await connect(new Y.Doc()) : null;
	let a = await connect(new Y.Doc());
	fillCustomer(a.doc, 'merge', { sites: 5, contacts: 5 });
	let b = await connect(new Y.Doc());
	await waitFor(() => acknowledged(a.provider) && b.doc.getMap('contacts').size === 5, { what: 'both replicas synced once' });
	const closes = [];
	if (mode === 'queued') {
		a.socket.disconnect();
		b.socket.disconnect();
	} else {
		a.destroy();
		b.destroy();
	}
	await sleep(200);
	for (let i = 0; i < OFFLINE_EDITS; i++) {
		offlineEdit(a.doc, 'a', i);
		offlineEdit(b.doc, 'b', i);
	}
	const t0 = performance.now();
	if (mode === 'queued') {
		for (const r of [a, b]) r.socket.on('close', ({ event }) => closes.push(`${event.code}${event.reason ? ` ${event.reason}` : ''}`));
		a.socket.connect();
		b.socket.connect();
	} else {
		[a, b] = await Promise.all([connect(a.doc), connect(b.doc)]);
	}
	let ms;
	try {
		await waitFor(
			() => acknowledged(a.provider) && acknowledged(b.provider) && sameStateVector(a.doc, b.doc) && sameContent(a.doc, b.doc),
			{ everyMs: 1, timeoutMs: 60_000, what: `the ${mode} offline merge` }
		);
		ms = performance.now() - t0;
	} catch (error) {
		console.error(`offline merge (${mode}) did not converge: ${error.message}`);
		ms = null;
	}
	const records = { sites: a.doc.getMap('sites').size, contacts: a.doc.getMap('contacts').size };
	a.destroy();
	b.destroy();
	keep?.destroy();
	return { mode, editsPerReplica: OFFLINE_EDITS, ms: ms === null ? null : +ms.toFixed(1), records, socketCloses: closes };
}

// ---------------------------------------------------------------- 3. rematerialize

async function fillDocuments(server, tenant) {
	const token = await tenant.token();
	const started = performance.now();
	const clients = [];
	for (let first = 0; first < REMAT_DOCS; first += DOCS_PER_SOCKET) {
		const ws = new HocuspocusProviderWebsocket({ url: server.wsUrl });
		const batch = await Promise.all(
			Array.from({ length: Math.min(DOCS_PER_SOCKET, REMAT_DOCS - first) }, (_, k) =>
				connectHocuspocus({ url: server.wsUrl, name: `${tenant.tenantId}:customer:fill-${first + k}`, token, socket: ws, awareness: null })
			)
		);
		batch.forEach((c, k) => fillCustomer(c.doc, `fill-${first + k}`));
		clients.push(...batch);
		await waitFor(() => batch.every((c) => acknowledged(c.provider)), { what: 'acknowledgement of filled documents' });
		clients.push({ destroy: () => ws.destroy() });
	}
	return { clients, fillSeconds: (performance.now() - started) / 1000 };
}

async function countRows(db) {
	const { rows } = await db.query(
		'SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM sites)::int AS sites, (SELECT count(*) FROM contacts)::int AS contacts'
	);
	return { ...rows[0], total: rows[0].customers + rows[0].sites + rows[0].contacts };
}

function runCli(args, env) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, [...serverNodeArgs(), 'build/server/cli.js', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.once('exit', (code) => (code === 0 ? resolve({ out, wallSeconds: (performance.now() - started) / 1000 }) : reject(new Error(`cli ${args.join(' ')} exited ${code}:\n${out}`))));
	});
}

const SHAPES = { customers: 'bench_customers', sites: 'bench_sites', contacts: 'bench_contacts' };
/** column → SQL type of the projection tables, read from the database so new columns need no edit here */
let SQL_TYPES = {};
async function readColumnTypes(db) {
	const { rows } = await db.query(
		`SELECT column_name AS name, format_type(atttypid, atttypmod) AS type FROM information_schema.columns c
		 JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_name))::regclass AND a.attname = c.column_name
		 WHERE c.table_schema = 'public' AND c.table_name = ANY($1)`,
		[Object.keys(SHAPES)]
	);
	SQL_TYPES = Object.fromEntries(rows.map((r) => [r.name, r.type]));
}

/** Three ways to send a batch of rows as one `INSERT … ON CONFLICT DO UPDATE`. */
const RAW_WAYS = {
	/** multi-row VALUES, one parameter per value */
	values(scratch, columns, batch) {
		const params = [];
		const tuples = batch.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')}, nextval('bench_row_versions'))`);
		return { text: `INSERT INTO ${scratch} (${columns.join(', ')}, row_version) VALUES ${tuples.join(', ')}`, values: params };
	},
	/** one typed array per column, unnest()ed (a prepared statement) */
	unnest(scratch, columns, batch) {
		return {
			name: `bench-unnest-${scratch}`,
			text: `INSERT INTO ${scratch} (${columns.join(', ')}, row_version)
			       SELECT *, nextval('bench_row_versions') FROM unnest(${columns.map((c, i) => `$${i + 1}::${SQL_TYPES[c] ?? 'text'}[]`).join(', ')})`,
			values: columns.map((c) => batch.map((row) => row[c]))
		};
	},
	/** one jsonb parameter, jsonb_to_recordset()ed (what the materializer does, without the rest of its work) */
	jsonbToRecordset(scratch, columns, batch) {
		return {
			text: `INSERT INTO ${scratch} (${columns.join(', ')}, row_version)
			       SELECT ${columns.map((c) => `r.${c}`).join(', ')}, nextval('bench_row_versions')
			       FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map((c) => `${c} ${SQL_TYPES[c] ?? 'text'}`).join(', ')})`,
			values: [JSON.stringify(batch)]
		};
	}
};

/**
 * Raw batched upserts of `data` (the rows rematerialize produced, read back) into empty scratch
 * tables of the same shape (`LIKE … INCLUDING ALL`: same columns, keys and indexes), in
 * batches of RAW_BATCH rows through one connection; each way twice, the faster run counts.
 */
async function rawUpserts(db, data) {
	await readColumnTypes(db);
	const total = Object.values(data).reduce((n, rows) => n + rows.length, 0);
	for (const [table, scratch] of Object.entries(SHAPES)) {
		await db.query(`DROP TABLE IF EXISTS ${scratch}; CREATE TABLE ${scratch} (LIKE ${table} INCLUDING ALL)`);
	}
	await db.query('DROP SEQUENCE IF EXISTS bench_row_versions; CREATE SEQUENCE bench_row_versions');
	const ways = {};
	for (const [way, build] of Object.entries(RAW_WAYS)) {
		let best = Infinity;
		for (let run = 0; run < 2; run++) {
			await db.query(`TRUNCATE ${Object.values(SHAPES).join(', ')}`);
			const started = performance.now();
			for (const [table, scratch] of Object.entries(SHAPES)) {
				const rows = data[table];
				if (rows.length === 0) continue;
				const columns = Object.keys(rows[0]).filter((c) => c !== 'row_version');
				const updates = [...columns.filter((c) => c !== 'tenant_id' && c !== 'id'), 'row_version'];
				const conflict = ` ON CONFLICT (tenant_id, id) DO UPDATE SET ${updates.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
				for (let at = 0; at < rows.length; at += RAW_BATCH) {
					const query = build(scratch, columns, rows.slice(at, at + RAW_BATCH));
					await db.query({ ...query, text: query.text + conflict });
				}
			}
			best = Math.min(best, (performance.now() - started) / 1000);
		}
		ways[way] = { seconds: +best.toFixed(3), rowsPerSecond: Math.round(total / best) };
	}
	for (const scratch of Object.values(SHAPES)) await db.query(`DROP TABLE ${scratch}`);
	await db.query('DROP SEQUENCE bench_row_versions');
	const [fastest, figures] = Object.entries(ways).sort(([, a], [, b]) => a.seconds - b.seconds)[0];
	return { way: fastest, ...figures, batchRows: RAW_BATCH, ways };
}

async function measureRematerialize() {
	const server = await startStackdesk({ backend: 'postgres' });
	const db = new pg.Client({ connectionString: server.databaseUrl });
	await db.connect();
	try {
		const tenant = await signUp(server);
		const { clients, fillSeconds } = await fillDocuments(server, tenant);
		const expected = REMAT_DOCS * (1 + SITES_PER_DOC + CONTACTS_PER_DOC);
		const projectStarted = performance.now();
		await waitFor(async () => (await countRows(db)).total >= expected, { timeoutMs: 120_000, everyMs: 100, what: `${expected} projected rows` });
		const projectedAfterAckSeconds = (performance.now() - projectStarted) / 1000;
		for (const c of clients) c.destroy();
		const stopStarted = performance.now();
		await server.stop({ keepDatabase: true });
		const stopSeconds = (performance.now() - stopStarted) / 1000;
		const before = await countRows(db);

		const { out, wallSeconds } = await runCli(['rematerialize'], server.env);
		// "rematerialized N documents [(R rows)] in S s[: …]"
		const m = /rematerialized (\d+) documents(?: \((\d+) rows\))? in ([\d.]+) s/.exec(out);
		if (!m) throw new Error(`unexpected rematerialize output: ${out}`);
		const documents = Number(m[1]);
		const seconds = Number(m[3]);
		const after = await countRows(db);
		if (after.total !== before.total) console.error(`WARNING: ${before.total} rows before rematerialize, ${after.total} after`);

		const data = {};
		for (const table of Object.keys(SHAPES)) data[table] = (await db.query(`SELECT * FROM ${table} ORDER BY doc_name, id`)).rows;
		const raw = await rawUpserts(db, data);
		return {
			documents,
			rows: after,
			fillSeconds: +fillSeconds.toFixed(2),
			projectedAfterAckSeconds: +projectedAfterAckSeconds.toFixed(2),
			serverStopSeconds: +stopSeconds.toFixed(2),
			rematerialize: {
				seconds,
				rowsPerSecond: Math.round(after.total / seconds),
				documentsPerSecond: Math.round(documents / seconds),
				processWallSeconds: +wallSeconds.toFixed(2)
			},
			rawUpserts: raw,
			ratioToRawUpserts: +(seconds / raw.seconds).toFixed(2)
		};
	} finally {
		await db.end();
		await server.cleanup();
	}
}

// ---------------------------------------------------------------- run

noteLoad();
console.log(`materializer: lag over ${LAG_EDITS} edits, offline merge of 2 × ${OFFLINE_EDITS} edits, rematerialize of ${REMAT_DOCS} documents`);
const server = await startStackdesk({ backend: 'postgres' });
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
let lag, offline;
try {
	const tenant = await signUp(server);
	lag = await measureLag(server, tenant, db);
	console.log(
		`lag (edit → Postgres row): p50 ${fmt(lag.lagMs.p50)}  p99 ${fmt(lag.lagMs.p99)}  max ${fmt(lag.lagMs.max)}` +
			`  | server ack p50 ${fmt(lag.serverAckMs.p50)} p99 ${fmt(lag.serverAckMs.p99)}  | lost ${lag.lost}`
	);
	const token = await tenant.token();
	offline = {};
	for (const mode of ['queued', 'reload']) {
		offline[mode] = await measureOfflineMerge({ url: server.wsUrl, name: `${tenant.tenantId}:customer:merge-${mode}`, token, mode });
	}
} finally {
	await db.end();
	await server.stop();
}
const bare = await startBareHocuspocus();
const offlineBaseline = {};
try {
	// bare Hocuspocus stores nothing: a third client keeps the document loaded while both replicas are offline
	for (const mode of ['queued', 'reload']) offlineBaseline[mode] = await measureOfflineMerge({ url: bare.wsUrl, name: `merge-${mode}`, mode, keeper: true });
} finally {
	await bare.stop();
}
for (const mode of ['queued', 'reload']) {
	console.log(
		`offline merge 2 × ${OFFLINE_EDITS} edits (${mode === 'queued' ? "app's queued updates" : 'fresh providers'}): ` +
			`Stackdesk ${offline[mode].ms ?? 'DID NOT CONVERGE'} ms, bare Hocuspocus ${offlineBaseline[mode].ms ?? 'did not converge'} ms` +
			(offline[mode].socketCloses.length ? ` — Stackdesk closed the socket on reconnect: ${offline[mode].socketCloses.join(', ')}` : '')
	);
}

const remat = await measureRematerialize();
console.log(
	`rematerialize: ${remat.rows.total} rows (${remat.documents} documents) in ${remat.rematerialize.seconds} s = ` +
		`${remat.rematerialize.rowsPerSecond} rows/s | raw batched upserts (fastest: ${remat.rawUpserts.way}) ${remat.rawUpserts.seconds} s = ${remat.rawUpserts.rowsPerSecond} rows/s | ×${remat.ratioToRawUpserts}`
);
console.log(`  (raw upserts, each way: ${Object.entries(remat.rawUpserts.ways).map(([w, f]) => `${w} ${f.rowsPerSecond} rows/s`).join(', ')})`);
console.log(`  (filled through the websocket in ${remat.fillSeconds} s, projected ${remat.projectedAfterAckSeconds} s after the last acknowledgement)`);

const pass = {
	lagP50: lag.lagMs.p50 <= TARGETS.lagP50Ms && lag.lost === 0,
	lagP99: lag.lagMs.p99 <= TARGETS.lagP99Ms && lag.lost === 0,
	rematerializeRowsPerSecond: remat.rematerialize.rowsPerSecond >= TARGETS.rematerializeRowsPerSecond,
	rematerializeVsRawUpserts: remat.ratioToRawUpserts <= TARGETS.rematerializeMaxRatioToRawUpserts,
	offlineMergeQueued: offline.queued.ms !== null && offline.queued.ms <= TARGETS.offlineMergeMs,
	offlineMergeReload: offline.reload.ms !== null && offline.reload.ms <= TARGETS.offlineMergeMs
};
pass.all = Object.values(pass).every(Boolean);
console.log('');
console.log(`lag p50 ${fmt(lag.lagMs.p50)} (target ≤ ${TARGETS.lagP50Ms} ms) ${verdict(pass.lagP50)}; p99 ${fmt(lag.lagMs.p99)} (target ≤ ${TARGETS.lagP99Ms} ms) ${verdict(pass.lagP99)}`);
console.log(
	`rematerialize ${remat.rematerialize.rowsPerSecond} rows/s (target ≥ ${TARGETS.rematerializeRowsPerSecond}) ${verdict(pass.rematerializeRowsPerSecond)}; ` +
		`×${remat.ratioToRawUpserts} raw upserts (target ≤ ×${TARGETS.rematerializeMaxRatioToRawUpserts}) ${verdict(pass.rematerializeVsRawUpserts)}`
);
console.log(
	`offline merge: queued ${offline.queued.ms ?? '—'} ms ${verdict(pass.offlineMergeQueued)}, fresh providers ${offline.reload.ms ?? '—'} ms ${verdict(pass.offlineMergeReload)} (target ≤ ${TARGETS.offlineMergeMs} ms)`
);
console.log(pass.all ? 'materializer: all targets met' : 'materializer: TARGET MISSED (see FAIL above)');

writeResult('materializer', {
	backend: 'postgres',
	figures: {
		lag,
		offlineMerge: offline,
		rematerialize: {
			documents: remat.documents,
			rows: remat.rows,
			seconds: remat.rematerialize.seconds,
			rowsPerSecond: remat.rematerialize.rowsPerSecond,
			documentsPerSecond: remat.rematerialize.documentsPerSecond,
			processWallSeconds: remat.rematerialize.processWallSeconds,
			ratioToRawUpserts: remat.ratioToRawUpserts,
			fillSeconds: remat.fillSeconds,
			projectedAfterAckSeconds: remat.projectedAfterAckSeconds,
			serverStopSeconds: remat.serverStopSeconds
		}
	},
	baselines: { rawUpserts: remat.rawUpserts, offlineMergeBareHocuspocus: offlineBaseline },
	targets: TARGETS,
	pass
});
// nothing may keep the bench alive once its results are written
process.exit(0);
