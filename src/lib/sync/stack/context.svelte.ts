import type * as Y from 'yjs';
import type { CatalogProjection } from '#lib/domain/catalog/projection.js';
import { formatMoney } from '../contracts/inputs.js';
import { todayIn } from '#lib/domain/today.js';
import { TenantFacts } from '../contracts/tenant-facts.svelte.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';

/**
 * What every stack screen needs: the running sync engine with the catalog
 * document, and the company's currency and today's date in its time zone.
 */
export class StackContext {
	engine: SyncEngine | null = $state.raw(null);
	private readonly tenant = new TenantFacts();

	/** `timeZone`: the company's, read when needed (the layout's data may change) */
	constructor(private readonly timeZone: () => string) {}

	/** Resolves the engine and the company's facts (browser only; call from an effect). */
	start(): () => void {
		let stopped = false;
		void useSync().then((engine) => {
			if (stopped) return;
			this.engine = engine;
			void this.tenant.load(engine.db);
		});
		return () => (stopped = true);
	}

	/** the catalog's rows; null until the document is loaded */
	get catalog(): CatalogProjection | null {
		return this.engine?.catalog.rows ?? null;
	}

	/** the person's role may read the catalog but not change it (or it is not loaded yet) */
	get readOnly(): boolean {
		return !this.engine || this.engine.catalog.readOnly;
	}

	get currency(): string | null {
		return this.tenant.facts.currency;
	}

	get reminderDays(): string | null {
		return this.tenant.facts.reminderDays;
	}

	today(): string {
		return todayIn(this.timeZone());
	}

	money = (minor: number | null): string => (minor === null ? '—' : formatMoney(minor, this.currency));

	editCatalog(edit: (doc: Y.Doc) => void): void {
		if (!this.engine) throw new Error('the catalog is not loaded yet');
		this.engine.catalog.transact(edit);
	}
}
