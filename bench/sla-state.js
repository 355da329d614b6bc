// SLA state for 10,000 open tickets: `ticketSla` (src/lib/domain/servicedesk/ticket-sla.ts, the
// function lists, reports and the rule runner call) over 10,000 ticket rows with realistic event
// logs (waiting on the customer, reprioritised), held to three policies on business-hours
// calendars in two time zones with holidays, and one round the clock. The rows come from the
// same generator as the scheduler bench; the project's TypeScript is loaded through Vite.
import { runnerImport } from 'vite';
import { noteLoad, percentiles, verdict, writeResult } from './support/clients.js';
import { benchCustomers, benchTickets, catalogDoc, ticketRow } from './support/ticket-seed.js';

const TICKETS = Number(process.env.BENCH_SLA_TICKETS ?? 10_000);
const RUNS = 15;
const TARGET_MS = 200;

const load = async (file) => (await runnerImport(new URL(`../src/lib/domain/servicedesk/${file}`, import.meta.url).pathname, { configFile: false, logLevel: 'error' })).module;
const [{ readServiceDesk }, { ticketSla }] = await Promise.all([load('read.ts'), load('ticket-sla.ts')]);

noteLoad();
const now = Date.parse('2026-12-02T14:30:00.000Z');
const techs = Array.from({ length: 12 }, (_, i) => `tech-${i}`);
const customers = benchCustomers(600, techs);
const desk = readServiceDesk(catalogDoc([]));
const tickets = benchTickets(TICKETS, customers, techs, now);
const rows = tickets.map((t) => ({ row: ticketRow(t), policyId: t.slaPolicyId }));
const logEntries = rows.reduce((n, r) => n + r.row.slaLog.length, 0);

function readAll(at) {
	const states = {};
	for (const { row, policyId } of rows) {
		const reading = ticketSla(desk, row, policyId, at);
		const state = reading?.resolution?.state ?? 'none';
		states[state] = (states[state] ?? 0) + 1;
	}
	return states;
}

// a list refreshes its clocks every minute: each run reads them a minute later
const samples = [];
let states;
readAll(new Date(now - 60_000));
for (let i = 0; i < RUNS; i++) {
	const started = performance.now();
	states = readAll(new Date(now + i * 60_000));
	samples.push(performance.now() - started);
}
const figures = percentiles(samples);
const pass = figures.p50 <= TARGET_MS;
console.log(
	`sla-state: ${TICKETS} open tickets (${(logEntries / TICKETS).toFixed(1)} status/priority changes each), 3 policies, 3 calendars with holidays: ` +
		`p50 ${figures.p50} ms, max ${figures.max} ms (target ≤ ${TARGET_MS} ms) ${verdict(pass)}`
);
console.log(`  resolution clocks: ${JSON.stringify(states)}`);
writeResult('sla-state', {
	setup: { tickets: TICKETS, customers: customers.length, policies: desk.slaPolicies.length, calendars: desk.calendars.length, logEntriesPerTicket: +(logEntries / TICKETS).toFixed(2), runs: RUNS },
	figures: { ...figures, resolutionStates: states },
	targets: { p50Ms: TARGET_MS },
	pass: { p50: pass }
});
