import { fileURLToPath } from 'node:url';
import { seedDemo, DEMO } from '#lib/server/accounts/demo.js';
import { openMigratedDatabase } from './boot.js';
import { rematerialize } from './materializer/rematerialize.js';
import { scanAll } from './reminders.js';
import { config } from '#lib/server/config.js';
import { serverNow } from '#lib/server/clock.js';
import { tickAll } from '#lib/server/tickets/rule-scheduler.js';

/** `npm run migrate` and `npm run seed`. */
const commands: Record<string, () => Promise<void>> = {
	async migrate() {
		const db = await openMigratedDatabase();
		console.log(`database is up to date (${db.kind})`);
		await db.close();
	},
	async seed() {
		const db = await openMigratedDatabase();
		await seedDemo(db);
		console.log(`demo tenant "${DEMO.tenantName}" re-created: log in as ${DEMO.people[0].email} / ${DEMO.password}`);
		await db.close();
	},
	/** sends the contract reminders that are due now (the server does this every REMINDER_SCAN_SECONDS) */
	async reminders() {
		const db = await openMigratedDatabase();
		const started = performance.now();
		const total = await scanAll(db, config().origin);
		const seconds = (performance.now() - started) / 1000;
		console.log(`scanned ${total.tenants} tenants, ${total.items} dated items in ${seconds.toFixed(3)} s: ${total.due} reminders due, ${total.sent} sent`);
		await db.close();
	},
	/**
	 * one tick of the workflow rules' scheduler (the server ticks every RULES_TICK_SECONDS);
	 * `--at=ISO` (repeatable, one tick each) only with the test clock (STACKDESK_TEST_CLOCK)
	 */
	async 'rules-tick'() {
		const times = process.argv.filter((a) => a.startsWith('--at=')).map((a) => new Date(a.slice(5)));
		if (times.length > 0 && !config().testClock) throw new Error('--at needs the test clock (STACKDESK_TEST_CLOCK): it fires rules at a time that is not now');
		if (times.some((t) => Number.isNaN(t.getTime()))) throw new Error('--at takes an ISO time, e.g. --at=2026-12-01T09:00:00Z');
		const db = await openMigratedDatabase();
		for (const at of times.length > 0 ? times : [null]) {
			const tick = await tickAll(db, at ? () => at : serverNow);
			const when = at ? ` at ${at.toISOString()}` : '';
			console.log(`rules tick${when}: ${tick.tenants} tenants, ${tick.tickets} open tickets in ${tick.ms.toFixed(1)} ms: ${tick.fired} fired, ${tick.changed} tickets changed, ${tick.notified} notified`);
		}
		await db.close();
	},
	/** `--verify`: also compare the rebuilt tables with the ones before, exit 1 if they differ */
	async rematerialize() {
		const db = await openMigratedDatabase();
		const verify = process.argv.includes('--verify');
		// built beside this entry (vite.config.ts): worker threads that project pages on every core
		const workerScript = fileURLToPath(new URL('./project-worker.js', import.meta.url));
		const result = await rematerialize(db, { verify, workerScript });
		console.log(`rematerialized ${result.documents} documents (${result.rows} rows) in ${result.seconds.toFixed(2)} s: ${Math.round(result.rows / result.seconds)} rows/s`);
		if (verify) console.log(result.identical ? 'projections identical' : `projections DIFFER\n--- before\n${result.before}\n--- after\n${result.after}`);
		await db.close();
		if (verify && !result.identical) process.exitCode = 1;
	}
};

const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
	console.error(`usage: cli <${Object.keys(commands).join('|')}>`);
	process.exit(2);
}
await command();
