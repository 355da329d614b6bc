// Import: 10,000 customers in ITFlow's client template (22 columns, each with a site and a
// contact), uploaded to the API; timed from the upload to the batch done with every
// customer, site and contact row in Postgres (counted straight from the database).
import pg from 'pg';
import { noteLoad, sleep, verdict, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startStackdesk } from './support/servers.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const TARGET_SECONDS = 5;
const HEADER =
	'Client Name,Industry,Referral,Website,Primary Location Name,Location Phone,Location Address,City,State,Postal Code,Country,Primary Contact Name,Title,Contact Phone,Extension,Contact Mobile,Contact Email,Hourly Rate,Currency,Payment Terms,Tax ID,Abbreviation';

function itflowCsv(rows) {
	const lines = [HEADER];
	for (let i = 0; i < rows; i++) {
		lines.push(
			`"Client ${i}, Ltd",Manufacturing,Partner,https://client${i}.example,Head office,+1 206 555 ${String(i % 10000).padStart(4, '0')},"${i} Main Street",Seattle,WA,98101,US,Contact ${i},IT manager,+1 206 555 0100,12,,it${i}@client${i}.example,150.00,USD,Net 30,,CL${i}`
		);
	}
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

async function measure(server) {
	const owner = await signUp(server);
	const csv = itflowCsv(ROWS);
	const db = new pg.Client({ connectionString: server.databaseUrl });
	if (server.databaseUrl) await db.connect();
	const started = performance.now();
	const res = await fetch(`${server.base}/api/v1/imports?name=clients.csv`, {
		method: 'POST',
		headers: { origin: server.base, cookie: owner.cookie, 'content-type': 'text/csv' },
		body: csv
	});
	if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
	const { batch } = await res.json();
	const acceptedMs = performance.now() - started;
	let status;
	for (;;) {
		status = (await (await fetch(`${server.base}/api/v1/imports/${batch.id}`, { headers: { cookie: owner.cookie } })).json()).batch;
		if (status.status !== 'running') break;
		await sleep(20);
	}
	const doneSeconds = (performance.now() - started) / 1000;
	let rows = null;
	if (server.databaseUrl) {
		const { rows: [count] } = await db.query(
			`SELECT (SELECT count(*) FROM customers WHERE tenant_id = $1)::int AS customers, (SELECT count(*) FROM sites WHERE tenant_id = $1)::int AS sites,
			        (SELECT count(*) FROM contacts WHERE tenant_id = $1)::int AS contacts, (SELECT count(*) FROM ydocs WHERE tenant_id = $1)::int AS documents`,
			[owner.tenantId]
		);
		rows = count;
		await db.end();
	}
	return { label: server.label, rows: ROWS, csvBytes: Buffer.byteLength(csv), acceptedMs: +acceptedMs.toFixed(0), seconds: +doneSeconds.toFixed(2), created: status.created, status: status.status, counted: rows };
}

noteLoad();
if (!(await postgresAvailable())) {
	console.log('import: PostgreSQL not reachable, skipped');
	process.exit(0);
}
const runs = {};
for (const backend of ['postgres', 'pglite']) {
	const server = await startStackdesk({ backend });
	try {
		runs[backend] = await measure(server);
	} finally {
		await server.stop();
	}
	const r = runs[backend];
	console.log(`${r.label.padEnd(22)} ${r.rows} ITFlow rows (${(r.csvBytes / 1e6).toFixed(1)} MB): accepted in ${r.acceptedMs} ms, done in ${r.seconds} s, ${r.created} created${r.counted ? `; in Postgres: ${JSON.stringify(r.counted)}` : ''}`);
}
const pg_ = runs.postgres;
const complete = pg_.counted && pg_.counted.customers === ROWS && pg_.counted.sites === ROWS && pg_.counted.contacts === ROWS && pg_.counted.documents === ROWS;
const pass = { seconds: pg_.seconds <= TARGET_SECONDS, complete };
console.log(`import on Postgres: ${pg_.seconds} s (target ≤ ${TARGET_SECONDS} s) ${verdict(pass.seconds)}; every document and row there ${verdict(complete)}`);
writeResult('import', { setup: { rows: ROWS, template: 'itflow-clients' }, figures: runs, targets: { seconds: TARGET_SECONDS }, pass });
process.exit(0);
