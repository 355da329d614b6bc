import { agreementPolicies } from '#lib/domain/servicedesk/agreements.js';
import { doneStatuses } from '#lib/domain/servicedesk/read.js';
import { DEFAULT_STATUS_RECORDS } from '#lib/domain/servicedesk/settings.js';
import { ticketLabel } from '#lib/domain/ticket/edits.js';
import { untrack } from 'svelte';
import type { LocalCustomer, LocalTicket, LocalTicketVisit } from '../db.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { RowCache } from './row-cache.svelte.js';
import { SlaCache, slaSettingsKey } from './sla-cache.svelte.js';
import { Team } from './team.svelte.js';

const SWEEP_EVERY_MS = 60_000;
const DEFAULT_DONE: ReadonlySet<string> = new Set(DEFAULT_STATUS_RECORDS.filter((s) => s.done).map((s) => s.id));

/**
 * What the service desk's screens share for as long as the person is signed
 * in: every ticket row (and visit, and customer) in memory, the company's
 * people, the service desk settings, and SLA readings kept current. Loaded
 * once: going from the list to a ticket and back re-reads nothing.
 */
export class DeskData {
	readonly tickets: RowCache<LocalTicket>;
	readonly visits: RowCache<LocalTicketVisit>;
	readonly customers: RowCache<LocalCustomer>;
	readonly team: Team;
	readonly customerNames: ReadonlyMap<string, string>;
	/** live customers by name, for pickers and filters */
	readonly customerOptions: { value: string; label: string }[];
	/** the company's people, for assignee pickers and filters */
	readonly peopleOptions: { value: string; label: string }[];
	/** customer id → the SLA policy its agreement names */
	readonly agreements: ReadonlyMap<string, string>;
	/** a new cache only when what decides SLA readings changed */
	readonly sla: SlaCache;
	private readonly slaKey: string;
	/** lower-cased label, title and customer name of each row; a customer renamed starts it over */
	private readonly searchTexts: WeakMap<LocalTicket, string>;

	constructor(readonly engine: SyncEngine) {
		this.tickets = new RowCache(engine.db.tickets, 'ticket');
		this.visits = new RowCache(engine.db.ticketVisits, 'ticket');
		this.customers = new RowCache(engine.db.customers, 'customer');
		this.team = new Team(engine.db);
		this.customerNames = $derived(new Map(this.customers.rows.map((c) => [c.id, c.name])));
		this.customerOptions = $derived(
			this.customers.rows
				.filter((c) => !c.deletedAt)
				.sort((a, b) => a.nameKey.localeCompare(b.nameKey))
				.map((c) => ({ value: c.id, label: c.name }))
		);
		this.peopleOptions = $derived(this.team.members.map((m) => ({ value: m.userId, label: m.name })));
		this.agreements = $derived(agreementPolicies(engine.contracts.rows?.customerContracts ?? [], new Date().toISOString().slice(0, 10)));
		this.slaKey = $derived(`${slaSettingsKey(engine.desk.rows)}|${JSON.stringify([...this.agreements])}`);
		this.sla = $derived.by(() => {
			void this.slaKey;
			return untrack(() => new SlaCache(engine.desk.rows, this.agreements));
		});
		this.searchTexts = $derived.by(() => {
			void this.customerNames;
			return new WeakMap<LocalTicket, string>();
		});
	}

	/** the service desk settings; null until the catalog is loaded */
	get desk() {
		return this.engine.desk.rows;
	}

	get done(): ReadonlySet<string> {
		return this.desk ? doneStatuses(this.desk) : DEFAULT_DONE;
	}

	/** The SLA policy a customer's agreement names; null: the tenant's default. */
	policyOf = (customerId: string | null): string | null => this.agreements.get(customerId ?? '') ?? null;

	get me(): string {
		return this.engine.session.user.id;
	}

	searchText = (row: LocalTicket): string => {
		let text = this.searchTexts.get(row);
		if (text === undefined) {
			text = `${ticketLabel(row.number, row.id)} ${row.title} ${this.customerNames.get(row.customerId ?? '') ?? ''}`.toLocaleLowerCase();
			this.searchTexts.set(row, text);
		}
		return text;
	};

	start(): () => void {
		const stops = [this.tickets.start(this.engine.rows), this.visits.start(this.engine.rows), this.customers.start(this.engine.rows)];
		void this.team.refresh();
		// readings follow the rows and the clock, off the input path
		const effects = $effect.root(() => {
			$effect(() => {
				const sla = this.sla;
				const rows = this.tickets.rows;
				if (this.tickets.loaded) void sla.sweep(rows);
			});
		});
		const timer = setInterval(() => void this.sla.sweep(this.tickets.rows), SWEEP_EVERY_MS);
		return () => {
			for (const stop of stops) stop();
			effects();
			clearInterval(timer);
		};
	}
}

const started = new WeakMap<SyncEngine, DeskData>();

/** The signed-in person's service desk data (browser only), started on first use. */
export async function useDesk(): Promise<DeskData> {
	const engine = await useSync();
	let data = started.get(engine);
	if (!data) {
		data = new DeskData(engine);
		started.set(engine, data);
		engine.onStop(data.start());
	}
	return data;
}

/** A page's hold on the service desk data: null until loaded. */
export class DeskLink {
	data = $state.raw<DeskData | null>(null);

	/** Loads it (browser only; call from an effect). Returns the function that stops. */
	start(then?: (data: DeskData) => void | Promise<void>): () => void {
		let stopped = false;
		void useDesk().then((data) => {
			if (stopped) return;
			this.data = data;
			return then?.(data);
		});
		return () => (stopped = true);
	}
}
