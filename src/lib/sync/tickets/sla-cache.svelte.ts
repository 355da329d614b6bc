import { policyFor, type ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { slaEvents, type SlaTicket } from '#lib/domain/servicedesk/ticket-sla.js';
import { readSla, type SlaPolicy, type SlaReading } from '#lib/domain/sla/clock.js';

// readings of running clocks count as current this long; the sweep refreshes them before
const FRESH_MS = 120_000;
const SWEEP_AFTER_MS = 45_000;
// a sweep yields to the page between slices of this many milliseconds
const SLICE_MS = 8;

interface Entry {
	row: object;
	reading: SlaReading | null;
	at: number;
	/** no clock is running: the reading only changes with the row */
	stable: boolean;
}

const RUNNING = new Set(['running', 'at-risk']);
const isStable = (reading: SlaReading | null) => !reading || ![reading.firstResponse, reading.resolution].some((c) => c && RUNNING.has(c.state));

/**
 * SLA readings of the ticket rows in memory, so a list of 20,000 tickets can
 * show and sort by time left on every keystroke: each policy is built once,
 * each row's reading is kept until the row changes (or, for a running clock,
 * for a minute or two), and a sweep refreshes them in slices off the input path.
 * `version` changes when a sweep has refreshed readings (lists re-sort then).
 */
export class SlaCache {
	version = $state(0);
	private readonly policies = new Map<string | null, SlaPolicy | null>();
	private readonly entries = new Map<string, Entry>();
	private sweeping = false;

	constructor(
		private readonly desk: ServiceDesk | null,
		/** customer id → the SLA policy its agreement names */
		private readonly agreements: ReadonlyMap<string, string>
	) {}

	/** The reading of a row now (computed on a miss: a row edited a moment ago). */
	reading(row: SlaTicket & { customerId: string | null }, now = Date.now()): SlaReading | null {
		const entry = this.entries.get(row.id);
		if (entry && entry.row === row && (entry.stable || now - entry.at < FRESH_MS)) return entry.reading;
		return this.compute(row, now);
	}

	/**
	 * Computes missing and ageing readings of `rows`, a slice at a time, then
	 * bumps `version`. One sweep at a time; resolves when done.
	 */
	async sweep(rows: readonly (SlaTicket & { customerId: string | null })[]): Promise<void> {
		if (this.sweeping || !this.desk) return;
		this.sweeping = true;
		try {
			let changed = false;
			let sliceStart = performance.now();
			for (const row of rows) {
				const now = Date.now();
				const entry = this.entries.get(row.id);
				if (entry && entry.row === row && (entry.stable || now - entry.at < SWEEP_AFTER_MS)) continue;
				this.compute(row, now);
				changed = true;
				if (performance.now() - sliceStart > SLICE_MS) {
					await new Promise((resolve) => setTimeout(resolve, 0));
					sliceStart = performance.now();
				}
			}
			if (changed) this.version += 1;
		} finally {
			this.sweeping = false;
		}
	}

	/** The policy a customer's tickets are held to (built once per policy). */
	policy(customerId: string | null): SlaPolicy | null {
		if (!this.desk) return null;
		const id = (customerId && this.agreements.get(customerId)) || null;
		if (!this.policies.has(id)) this.policies.set(id, policyFor(this.desk, id));
		return this.policies.get(id) ?? null;
	}

	// ticketSla (servicedesk/ticket-sla.ts) with the policy looked up once rather than per row
	private compute(row: SlaTicket & { customerId: string | null }, now: number): SlaReading | null {
		const policy = this.policy(row.customerId);
		const reading =
			policy && row.createdAt
				? readSla(policy, { createdAt: row.createdAt, firstResponseAt: row.firstResponseAt, priority: row.priority ?? 'normal', events: slaEvents(row) }, new Date(now))
				: null;
		this.entries.set(row.id, { row, reading, at: now, stable: isStable(reading) });
		return reading;
	}
}

/** What decides SLA readings in the settings: a catalog edit to anything else keeps the cache. */
export function slaSettingsKey(desk: ServiceDesk | null): string {
	if (!desk) return '';
	return JSON.stringify([desk.slaPolicies, desk.calendars, desk.statuses.map((s) => [s.id, s.pausesSla, s.done, s.deletedAt])]);
}
