import { DELETED_AT, type ProjectionTable } from './projection-columns.js';

/**
 * The projection tables billing reads (migration 023): service plans, program
 * levels, roles and tax rates from the catalog; plan associations and rate
 * overrides from the contracts document. None goes out in the
 * rows feed: the browser reads them from the two documents, always attached.
 */

// the billing terms columns of customer_contracts (billingTermFields in the contracts schema)
export const BILLING_TERMS: ProjectionTable['columns'] = {
	dueDays: ['due_days', 'integer'],
	billToEmail: ['bill_to_email', 'text'],
	programId: ['program_id', 'text'],
	endsOn: ['ends_on', 'date'],
	blockMinutes: ['block_minutes', 'integer'],
	blockPrice: ['block_price', 'bigint'],
	blockExpiresOn: ['block_expires_on', 'date'],
	lowBalanceMinutes: ['low_balance_minutes', 'integer'],
	overageRate: ['overage_rate', 'bigint'],
	incrementMinutes: ['increment_minutes', 'integer'],
	minimumMinutes: ['minimum_minutes', 'integer'],
	afterHoursBasisPoints: ['after_hours_basis_points', 'integer'],
	fixedPrice: ['fixed_price', 'bigint']
};

// a plan's price and cost per unit: workstationPrice → workstation_price …
const PRICES: ProjectionTable['columns'] = Object.fromEntries(
	['workstation', 'server', 'mobile', 'user', 'flat'].flatMap((unit) => [
		[`${unit}Price`, [`${unit}_price`, 'bigint']],
		[`${unit}Cost`, [`${unit}_cost`, 'bigint']]
	])
);

export const BILLING_TABLES = {
	servicePlans: {
		name: 'service_plans',
		feed: false,
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			basis: ['basis', 'text'],
			...PRICES,
			includes: ['includes', 'text'],
			taxable: ['taxable', 'boolean'],
			...DELETED_AT
		}
	},
	programs: {
		name: 'programs',
		feed: false,
		columns: {
			id: ['id', 'text'],
			name: ['name', 'text'],
			planIds: ['plan_ids', 'text[]'],
			coveredWork: ['covered_work', 'text'],
			rateBasisPoints: ['rate_basis_points', 'integer'],
			description: ['description', 'text'],
			...DELETED_AT
		}
	},
	roles: {
		name: 'roles',
		feed: false,
		columns: { id: ['id', 'text'], name: ['name', 'text'], ratePerHour: ['rate_per_hour', 'bigint'], costPerHour: ['cost_per_hour', 'bigint'], ...DELETED_AT }
	},
	taxRates: {
		name: 'tax_rates',
		feed: false,
		columns: { id: ['id', 'text'], name: ['name', 'text'], basisPoints: ['basis_points', 'integer'], region: ['region', 'text'], ...DELETED_AT }
	},
	planAssociations: {
		name: 'plan_associations',
		feed: false,
		columns: {
			id: ['id', 'text'],
			customerId: ['customer_id', 'text'],
			planId: ['plan_id', 'text'],
			contractId: ['contract_id', 'text'],
			cycle: ['cycle', 'text'],
			dueDays: ['due_days', 'integer'],
			billToEmail: ['bill_to_email', 'text'],
			start: ['start_date', 'date'],
			end: ['end_date', 'date'],
			workstations: ['workstations', 'integer'],
			servers: ['servers', 'integer'],
			mobiles: ['mobiles', 'integer'],
			users: ['users', 'integer'],
			priceOverride: ['price_override', 'bigint'],
			...DELETED_AT
		}
	},
	rateOverrides: {
		name: 'rate_overrides',
		feed: false,
		columns: { id: ['id', 'text'], contractId: ['contract_id', 'text'], role: ['role', 'text'], ratePerHour: ['rate_per_hour', 'bigint'], ...DELETED_AT }
	}
} satisfies Record<string, ProjectionTable>;
