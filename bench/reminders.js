// Reminder scan: one tenant with 20,000 contracts (customer contracts with renewal dates
// spread over three years, a few due today), scanned by `cli.js reminders` on PostgreSQL:
// the first run sends what is due (notifications + mail), the second finds it all sent and
// is the pure scan (read every contract with its dates, compute what is due).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { noteLoad, verdict, writeResult } from './support/clients.js';
import { freshDatabase, postgresAvailable } from './support/servers.js';

const CONTRACTS = Number(process.env.BENCH_REMINDER_CONTRACTS ?? 20_000);
const TARGET_SECONDS = 1;

function cli(args, env) {
	return execFileSync(process.execPath, ['build/server/cli.js', ...args], { env, encoding: 'utf8' });
}

/** A tenant with an owner (the recipient), 2,000 customers and CONTRACTS contracts, written straight into the projections. */
async function fill(url) {
	const db = new pg.Client({ connectionString: url });
	db.on('error', () => undefined); // the database is dropped at the end, whatever happened
	await db.connect();
	const tenant = crypto.randomUUID();
	const user = crypto.randomUUID();
	await db.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Bench IT')`, [tenant]);
	await db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, 'owner@bench.test', 'Owner', 'x')`, [user]);
	await db.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'owner')`, [tenant, user]);
	await db.query(
		`INSERT INTO customers (tenant_id, id, name, status, doc_name, doc_version)
		 SELECT $1::uuid, 'c' || i, 'Customer ' || i, 'active', $1::text || ':customer:c' || i, 1 FROM generate_series(1, 2000) i`,
		[tenant]
	);
	// renewal in 0–1,095 days with 30/60/90 days' notice: every day of the spread has some deadlines
	await db.query(
		`INSERT INTO customer_contracts (tenant_id, id, customer_id, name, party, type, renewal_date, auto_renew, notice_days, period, doc_name, doc_version)
		 SELECT $1::uuid, 'k' || i, 'c' || (i % 2000 + 1), 'Contract ' || i, 'msp', 'recurring',
		        current_date + (i % 1096), i % 2 = 0, 30 * (i % 3 + 1), 'monthly', $1::text || ':contracts', 1
		 FROM generate_series(1, $2::int) i`,
		[tenant, CONTRACTS]
	);
	await db.end();
}

if (!(await postgresAvailable())) {
	console.log('reminders: PostgreSQL not reachable, skipped');
	process.exit(0);
}
noteLoad();
const database = await freshDatabase();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stackdesk-bench-'));
const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir };
try {
	cli(['migrate'], env);
	await fill(database.url);
	const parse = (out) => {
		const m = /scanned \d+ tenants, (\d+) dated items in ([\d.]+) s: (\d+) reminders due, (\d+) sent/.exec(out);
		if (!m) throw new Error(`unexpected output: ${out}`);
		return { items: Number(m[1]), seconds: Number(m[2]), due: Number(m[3]), sent: Number(m[4]) };
	};
	const sending = parse(cli(['reminders'], env));
	const scan = parse(cli(['reminders'], env));
	const pass = scan.seconds <= TARGET_SECONDS && sending.sent > 0 && scan.sent === 0;
	console.log(`reminders: ${sending.items} contracts; first scan sent ${sending.sent} in ${sending.seconds} s; scan with nothing due ${scan.seconds} s (target ≤ ${TARGET_SECONDS} s) ${verdict(pass)}`);
	writeResult('reminders', {
		backend: 'postgres',
		setup: { contracts: CONTRACTS, customers: 2000, recipients: 1 },
		figures: { firstScan: sending, repeatScan: scan },
		targets: { scanSeconds: TARGET_SECONDS },
		pass: { scan: pass }
	});
} catch (error) {
	console.error('reminders bench failed:', error.message, error.stdout ?? '', error.stderr ?? '');
	process.exitCode = 1;
} finally {
	await database.drop();
	rmSync(dataDir, { recursive: true, force: true });
}
