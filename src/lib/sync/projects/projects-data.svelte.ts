import type { CustomerContractRecord } from '#lib/domain/contracts/schema.js';
import type { LocalProject, LocalTask } from '../db.js';
import { tenantFacts, type TenantFacts } from '../contracts/tenant-facts.svelte.js';
import { formatMoney } from '../contracts/inputs.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { useDesk, type DeskData } from '../tickets/desk-data.svelte.js';
import { RowCache } from '../tickets/row-cache.svelte.js';
import { LoggedMinutes } from './logged-minutes.svelte.js';

/**
 * What the project screens share while the person is signed in: every
 * project row in memory, every task row (for the timesheet's task picker), the minutes logged per project, and from the
 * service desk's data the customers and the company's people (for pickers
 * and assignees), with the company's currency. Loaded once.
 */
export class ProjectsData {
	readonly projects: RowCache<LocalProject>;
	readonly tasks: RowCache<LocalTask>;
	readonly logged = LoggedMinutes.ofProjects();
	readonly facts: TenantFacts;

	constructor(
		readonly engine: SyncEngine,
		readonly desk: DeskData
	) {
		this.projects = new RowCache(engine.db.projects, 'project');
		this.tasks = new RowCache(engine.db.tasks, 'project');
		this.facts = tenantFacts(engine.db);
	}

	/** The customer's agreements with the company (what a project can be under), by name. */
	contractOptions(customerId: string | null): { value: string; label: string }[] {
		const contracts: CustomerContractRecord[] = this.engine.contracts.rows?.customerContracts ?? [];
		return contracts
			.filter((c) => !c.deletedAt && c.party === 'msp' && customerId && c.customerId === customerId)
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((c) => ({ value: c.id, label: c.name }));
	}

	/** A contract's name, for the project's header. */
	contractName(contractId: string | null): string | null {
		return this.engine.contracts.rows?.customerContracts.find((c) => c.id === contractId)?.name ?? null;
	}

	/** Money in the company's currency; a dash for none. */
	money = (minor: number | null): string => (minor === null ? '—' : formatMoney(minor, this.facts.facts.currency));

	start(): () => void {
		void this.logged.load(this.engine.db);
		const stops = [this.projects.start(this.engine.rows), this.tasks.start(this.engine.rows)];
		return () => stops.forEach((stop) => stop());
	}
}

const started = new WeakMap<SyncEngine, ProjectsData>();

/** The signed-in person's project data (browser only), started on first use. */
export async function useProjects(): Promise<ProjectsData> {
	const engine = await useSync();
	let data = started.get(engine);
	if (!data) {
		data = new ProjectsData(engine, await useDesk());
		started.set(engine, data);
		engine.onStop(data.start());
	}
	return data;
}

/** A page's hold on the project data: null until loaded. Going back to the portfolio asks for fresh actuals. */
export class ProjectsLink {
	data = $state.raw<ProjectsData | null>(null);

	/** Loads it (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		void useProjects().then((data) => {
			if (stopped) return;
			this.data = data;
			void data.logged.load(data.engine.db);
		});
		return () => (stopped = true);
	}
}
