import { liveQuery } from 'dexie';
import type { Role } from '#lib/domain/auth/roles.js';
import { newId } from '#lib/domain/customer/edits.js';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { readServiceDesk, type ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { ruleOrder } from '#lib/domain/servicedesk/rule-evaluation.js';
import { draftOf } from '#lib/domain/servicedesk/rule-form.js';
import type { RuleNames } from '#lib/domain/servicedesk/rule-text.js';
import { parseRule, type Rule } from '#lib/domain/servicedesk/rules.js';
import type { RuleRecord } from '#lib/domain/servicedesk/settings.js';
import { callApi } from '../api.js';
import { rankBetween } from '#lib/domain/documents/ranks.js';
import { useSync } from '../engine.svelte.js';
import { SharedDoc } from '../shared-doc.svelte.js';

export interface Person {
	userId: string;
	name: string;
	email: string;
	role: Role;
}

/** A rule as the editor lists it: its record, and what the runner reads of it, or why it cannot run. */
export interface ListedRule {
	record: RuleRecord;
	rule: Rule | null;
	error: string | null;
}

/**
 * The workflow rules settings page: the catalog's rules (edited here, offline
 * too: the catalog stays attached), with its queues and statuses, the
 * tenant's customers (from the row index) and people (from the server, when
 * it answers) to choose from.
 */
export class RulesSettings {
	private readonly catalog = new SharedDoc<ServiceDesk>('catalog', readServiceDesk);
	customers: { id: string; name: string }[] = $state.raw([]);
	people: Person[] = $state.raw([]);
	/** why the people could not be listed (offline) */
	peopleProblem: string | null = $state(null);

	get loaded(): boolean {
		return this.catalog.rows !== null;
	}

	get readOnly(): boolean {
		return this.catalog.readOnly;
	}

	get desk(): ServiceDesk | null {
		return this.catalog.rows;
	}

	readonly rules: ListedRule[] = $derived.by(() =>
		(this.catalog.rows?.rules ?? [])
			.filter((r) => !r.deletedAt)
			.sort(ruleOrder)
			.map((record) => {
				const parsed = parseRule(record);
				return 'error' in parsed ? { record, rule: null, error: parsed.error } : { record, rule: parsed.rule, error: null };
			})
	);

	readonly deleted: RuleRecord[] = $derived((this.catalog.rows?.rules ?? []).filter((r) => r.deletedAt));

	readonly names: RuleNames = {
		customer: (id) => this.customers.find((c) => c.id === id)?.name ?? null,
		person: (id) => this.people.find((p) => p.userId === id)?.name ?? null,
		queue: (id) => this.catalog.rows?.queues.find((q) => q.id === id)?.name ?? null,
		status: (id) => this.catalog.rows?.statuses.find((s) => s.id === id)?.name ?? null
	};

	/** Starts following the catalog, the customers and the people (browser only; call from an effect). */
	start(): () => void {
		let stopped = false;
		const stops: (() => void)[] = [];
		void useSync().then((engine) => {
			if (stopped) return;
			stops.push(this.catalog.start(engine.pool, engine.session.tenant.id));
			const subscription = liveQuery(() => engine.db.customers.toArray()).subscribe({
				next: (rows) => (this.customers = rows.filter((c) => !c.deletedAt).map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name)))
			});
			stops.push(() => subscription.unsubscribe());
		});
		void this.loadPeople();
		return () => {
			stopped = true;
			for (const stop of stops) stop();
		};
	}

	async loadPeople(): Promise<void> {
		try {
			const { people } = await callApi<{ people: Person[] }>('/api/v1/people', {}, 'People cannot be listed while offline: rules keep the people they name.');
			this.people = people;
			this.peopleProblem = null;
		} catch (error) {
			this.peopleProblem = (error as Error).message;
		}
	}

	draft(id: string): ReturnType<typeof draftOf> | null {
		const record = this.catalog.rows?.rules.find((r) => r.id === id);
		return record ? draftOf(record) : null;
	}

	/** Adds a rule after the last one (switched on), or saves an existing one's form; returns its id. */
	save(id: string | null, fields: Pick<RuleRecord, 'name' | 'trigger' | 'conditions' | 'actions'>): string {
		if (id) {
			this.write(id, fields);
			return id;
		}
		const added = newId();
		const last = this.rules.at(-1)?.record.rank ?? null;
		this.write(added, { ...fields, enabled: true, rank: rankBetween(last, null), deletedAt: null });
		return added;
	}

	setEnabled(id: string, enabled: boolean): void {
		this.write(id, { enabled });
	}

	setDeleted(id: string, deleted: boolean): void {
		this.write(id, { deletedAt: deleted ? new Date().toISOString() : null });
	}

	/** Moves a rule one place up (-1) or down (1): rules run in this order, each seeing the changes of those before. */
	move(id: string, step: -1 | 1): void {
		const list = this.rules.map((r) => r.record);
		const at = list.findIndex((r) => r.id === id);
		const target = at + step;
		if (at < 0 || target < 0 || target >= list.length) return;
		const [before, after] = step < 0 ? [list[target - 1], list[target]] : [list[target], list[target + 1]];
		this.write(id, { rank: rankBetween(before?.rank ?? null, after?.rank ?? null) });
	}

	private write(id: string, fields: Partial<RuleRecord>) {
		this.catalog.transact((doc) => upsertRecord(doc, 'rules', id, fields));
	}
}
