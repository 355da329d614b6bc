import type { CustomerBilling, DraftInput } from '#lib/domain/billing/draft.js';
import type { Period } from '#lib/domain/billing/recurring.js';
import { cycleOf } from '#lib/domain/billing/proration.js';
import { taxRateFor } from '#lib/domain/billing/tax.js';
import type { BilledCustomer, BillingInputs } from '../repositories/billing-inputs.js';

/**
 * The loaded rows → the draft's input: grouped by customer, catalog by id,
 * roles and overrides by lower-cased name, and minutes drawn per block pool
 * (a block's id; a retainer's id and cycle start, as labour-lines keys them).
 */

function groupBy<T extends { customerId: string }>(rows: readonly T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) (groups.get(row.customerId) ?? groups.set(row.customerId, []).get(row.customerId)!).push(row);
	return groups;
}

function drawnPools(inputs: BillingInputs): Map<string, number> {
	const agreements = new Map(inputs.agreements.map((a) => [a.id, a]));
	const pools = new Map<string, number>();
	for (const { contractId, date, minutes } of inputs.drawn) {
		const agreement = agreements.get(contractId);
		if (!agreement) continue;
		const pool = agreement.type === 'retainer' ? `${contractId}:${cycleOf(date, agreement.period).start}` : contractId;
		pools.set(pool, (pools.get(pool) ?? 0) + minutes);
	}
	return pools;
}

export function draftInput(inputs: BillingInputs, period: Period): { input: DraftInput; customers: Map<string, BilledCustomer> } {
	const by = {
		agreements: groupBy(inputs.agreements),
		associations: groupBy(inputs.associations),
		devices: new Map(inputs.devices.map((d) => [d.customerId, d])),
		entries: groupBy(inputs.entries),
		expenses: groupBy(inputs.expenses),
		milestones: groupBy(inputs.milestones),
		deployments: groupBy(inputs.deployments)
	};
	const overrides = new Map<string, Map<string, number>>();
	for (const o of inputs.overrides) (overrides.get(o.contractId) ?? overrides.set(o.contractId, new Map()).get(o.contractId)!).set(o.role.toLowerCase(), o.ratePerHour);
	const customers: CustomerBilling[] = inputs.customers.map((customer) => ({
		customer,
		agreements: by.agreements.get(customer.id) ?? [],
		associations: by.associations.get(customer.id) ?? [],
		counts: by.devices.get(customer.id) ?? { workstations: 0, servers: 0, mobiles: 0, users: 0 },
		entries: by.entries.get(customer.id) ?? [],
		expenses: by.expenses.get(customer.id) ?? [],
		milestones: by.milestones.get(customer.id) ?? [],
		deployments: by.deployments.get(customer.id) ?? [],
		taxBasisPoints: taxRateFor(customer.taxRegion, inputs.taxRates)
	}));
	return {
		input: {
			period,
			customers,
			catalog: {
				plans: new Map(inputs.plans.map((p) => [p.id, p])),
				programs: new Map(inputs.programs.map((p) => [p.id, p])),
				roles: new Map(inputs.roles.map((r) => [r.name.toLowerCase(), r])),
				overrides
			},
			billed: new Set(inputs.billedKeys),
			drawn: drawnPools(inputs)
		},
		customers: new Map(inputs.customers.map((c) => [c.id, c]))
	};
}
