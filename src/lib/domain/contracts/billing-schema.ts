import { z } from 'zod';
import { count, date, id, instant, money, optionalId, optionalText, text } from '../documents/fields.js';
import { PERIODS } from '../catalog/schema.js';

/**
 * The billing side of the contracts document (`T:contracts`): the terms each
 * agreement type bills by, the service plans associated with customers, the
 * per-contract rate overrides. A fixed-price agreement's milestones are its
 * projects' milestone tasks (a project names its contract): billing invoices
 * each when it completes.
 */

/** Billing terms on an agreement; which apply depends on its type (DESIGN.md §5). */
export const billingTermFields = {
	/** days from issue to due; none: the customer's payment terms */
	dueDays: count(365),
	billToEmail: optionalText(254),
	/** the customer's program level (catalog programs) */
	programId: optionalId,
	/** the last day of service; a recurring charge ending inside a cycle is prorated */
	endsOn: date,
	/** block hours and retainers: minutes bought (a retainer: each cycle) */
	blockMinutes: count(1_000_000),
	/** block hours: what the block is invoiced at, once, in the cycle it starts */
	blockPrice: money,
	blockExpiresOn: date,
	/** alert when the balance falls to this many minutes */
	lowBalanceMinutes: count(1_000_000),
	/** per hour beyond the block, minor units */
	overageRate: money,
	/** time and materials */
	incrementMinutes: count(240),
	minimumMinutes: count(1440),
	/** basis points, 15000 = ×1.5; none: ×1 */
	afterHoursBasisPoints: count(100_000),
	/** fixed price: the price the milestones divide; labour on its projects (a project names its contract) is cost, not billed */
	fixedPrice: money
};

/** A service plan associated with a customer: one service item of theirs, billed each cycle. */
export const planAssociationRecord = z.object({
	id,
	customerId: id,
	planId: id,
	contractId: optionalId,
	cycle: z.enum(PERIODS).catch('monthly'),
	dueDays: count(365),
	billToEmail: optionalText(254),
	start: date,
	end: date,
	/** quantities set by hand; none: counted from the customer's devices and contacts */
	workstations: count(),
	servers: count(),
	mobiles: count(),
	users: count(),
	/** this customer's price per unit a month, replacing the plan's */
	priceOverride: money,
	deletedAt: instant
});

export const rateOverrideRecord = z.object({
	id,
	contractId: id,
	role: text(120).min(1, 'an override names a role'),
	ratePerHour: money.refine((v) => v === null || v >= 0, 'a rate cannot be negative'),
	deletedAt: instant
});

export type PlanAssociationRecord = z.infer<typeof planAssociationRecord>;
export type RateOverrideRecord = z.infer<typeof rateOverrideRecord>;

/** An agreement with no billing terms set: everything falls back to the customer's and the tenant's defaults. */
export const NO_BILLING_TERMS: { [K in keyof typeof billingTermFields]: null } = {
	dueDays: null,
	billToEmail: null,
	programId: null,
	endsOn: null,
	blockMinutes: null,
	blockPrice: null,
	blockExpiresOn: null,
	lowBalanceMinutes: null,
	overageRate: null,
	incrementMinutes: null,
	minimumMinutes: null,
	afterHoursBasisPoints: null,
	fixedPrice: null
};
