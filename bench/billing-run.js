// A month-end billing run (issue 7: drafts ≤ 2 s, posting ≤ 2 s on PostgreSQL) over 1,000
// customers, 100,000 approved time entries and 5,000 recurring plan lines. The tenant's
// projected rows are loaded straight into the projection tables (what the materializer
// would have written; the run reads only those), then timed through the JSON API: starting
// the run (load what is approved and unbilled, draft every customer, store the lines) and
// posting it (check, number, write the invoices and their lines, mark every source billed).
import pg from 'pg';
import { noteLoad, verdict, writeResult } from './support/clients.js';
import { postgresAvailable, signUp, startStackdesk } from './support/servers.js';

const CUSTOMERS = Number(process.env.BENCH_BILLING_CUSTOMERS ?? 1_000);
const ENTRIES = Number(process.env.BENCH_BILLING_ENTRIES ?? 100_000);
const PLANS_PER_CUSTOMER = 5;
const PEOPLE = 20;
const TRIALS = Number(process.env.BENCH_BILLING_TRIALS ?? 3);
const TARGET_MS = 2_000;

// November 2026: ISO weeks 45 (2 Nov) to 48 (ends 29 Nov), weekdays only
const SEED = (t) => `
INSERT INTO customers (tenant_id, id, name, status, payment_terms_days, doc_name, doc_version)
	SELECT '${t}', 'c' || n, 'Customer ' || lpad(n::text, 4, '0'), 'active', 30, '${t}:customer:c' || n, 1 FROM generate_series(1, ${CUSTOMERS}) n;
INSERT INTO service_plans (tenant_id, id, name, basis, workstation_price, workstation_cost, server_price, server_cost, taxable, doc_name, doc_version)
	SELECT '${t}', 'p' || n, 'Plan ' || n, 'devices', 2500 + n * 100, 1000, 12000, 5000, true, '${t}:catalog', 1 FROM generate_series(1, ${PLANS_PER_CUSTOMER}) n;
INSERT INTO roles (tenant_id, id, name, rate_per_hour, cost_per_hour, doc_name, doc_version) VALUES ('${t}', 'r1', 'Technician', 12500, 4500, '${t}:catalog', 1);
INSERT INTO tax_rates (tenant_id, id, name, basis_points, doc_name, doc_version) VALUES ('${t}', 'tx', 'Sales tax', 825, '${t}:catalog', 1);
INSERT INTO customer_contracts (tenant_id, id, customer_id, name, party, type, start_date, auto_renew, period, increment_minutes, minimum_minutes, after_hours_basis_points, doc_name, doc_version)
	SELECT '${t}', 'k' || n, 'c' || n, 'Support', 'msp', 'time-and-materials', '2026-01-01', false, 'monthly', 15, 60, 15000, '${t}:contracts', 1 FROM generate_series(1, ${CUSTOMERS}) n;
INSERT INTO plan_associations (tenant_id, id, customer_id, plan_id, cycle, start_date, workstations, servers, doc_name, doc_version)
	SELECT '${t}', 'a' || c || '-' || p, 'c' || c, 'p' || p, 'monthly', CASE WHEN c % 10 = 0 THEN '2026-11-17'::date ELSE '2026-01-01'::date END, 5 + c % 20, c % 3, '${t}:contracts', 1
	FROM generate_series(1, ${CUSTOMERS}) c, generate_series(1, ${PLANS_PER_CUSTOMER}) p;
INSERT INTO week_approvals (tenant_id, user_id, week, status, decided_at, changed_after_approval)
	SELECT '${t}', 'u' || u, '2026-W' || w, 'approved', now(), false FROM generate_series(1, ${PEOPLE}) u, generate_series(45, 48) w;
INSERT INTO time_entries (tenant_id, id, user_id, week, date, start_minute, end_minute, minutes, customer_id, work_role, billable, notes, doc_name, doc_version)
	SELECT '${t}', 'e' || n, 'u' || (n % ${PEOPLE} + 1), '2026-W' || (45 + d / 5), day, start, start + minutes, minutes, 'c' || (n % ${CUSTOMERS} + 1), 'Technician', true, 'work ' || n,
		'${t}:timesheet:u' || (n % ${PEOPLE} + 1) || ':2026-W' || (45 + d / 5), 1
	FROM (SELECT n, (n / ${PEOPLE}) % 20 AS d, 420 + (n % 12) * 60 AS start, 10 + (n % 17) * 10 AS minutes FROM generate_series(1, ${ENTRIES}) n) x,
	LATERAL (SELECT '2026-11-02'::date + (d / 5) * 7 + d % 5 AS day) dd;
ANALYZE;`;

async function api(server, account, method, path, body) {
	const started = performance.now();
	const res = await fetch(`${server.base}${path}`, { method, headers: { origin: server.base, cookie: account.cookie, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
	const ms = performance.now() - started;
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
	return { ms: Math.round(ms), json: await res.json() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure() {
	const server = await startStackdesk({ backend: 'postgres' });
	try {
		const account = await signUp(server);
		const client = new pg.Client({ connectionString: server.databaseUrl });
		await client.connect();
		const seeded = performance.now();
		await client.query(SEED(account.tenantId));
		await client.end();
		console.log(`seeded ${CUSTOMERS} customers, ${ENTRIES} entries, ${CUSTOMERS * PLANS_PER_CUSTOMER} plan associations in ${Math.round(performance.now() - seeded)} ms`);
		noteLoad();
		const start = await api(server, account, 'POST', '/api/v1/billing/runs', { periodStart: '2026-11-01', periodEnd: '2026-11-30', issuedOn: '2026-12-01' });
		const drafts = [start.ms];
		for (let i = 1; i < TRIALS; i++) drafts.push((await api(server, account, 'POST', `/api/v1/billing/runs/${start.json.id}/redraft`)).ms);
		const run = start.json;
		const post = await api(server, account, 'POST', `/api/v1/billing/runs/${run.id}/post`);
		return { customers: run.customers, lines: run.lines, subtotal: run.subtotal, draftMs: median(drafts), draftTrialsMs: drafts, postMs: post.ms, posted: post.json };
	} finally {
		await server.stop();
	}
}

if (!(await postgresAvailable())) {
	console.log('PostgreSQL is not reachable: the billing run bench needs it (BENCH_DATABASE_URL)');
	process.exit(0);
}
const figures = await measure();
const pass = { draft: figures.draftMs <= TARGET_MS, post: figures.postMs <= TARGET_MS };
console.log(`billing run over ${figures.customers} customers, ${figures.lines} lines: draft ${figures.draftMs} ms (trials ${figures.draftTrialsMs.join(', ')}) ${verdict(pass.draft)}; posting ${figures.postMs} ms ${verdict(pass.post)} (targets ≤ ${TARGET_MS} ms)`);
console.log(`posted ${figures.posted.invoices} invoices, ${figures.posted.first} … ${figures.posted.last}`);
writeResult('billing-run', { setup: { customers: CUSTOMERS, entries: ENTRIES, recurringAssociations: CUSTOMERS * PLANS_PER_CUSTOMER, backend: 'postgres' }, figures, targets: { draftMs: TARGET_MS, postMs: TARGET_MS }, pass });
process.exit(0);
