import { z } from 'zod';
import { count, id, idList, instant, money, optionalText, text } from '../documents/fields.js';
import { MAX_TAX_BASIS_POINTS } from '../billing/tax.js';

/**
 * What the catalog (`T:catalog`) holds for billing: service plans, program
 * levels that bundle them, labour roles with their rates, and tax rates.
 * Billing staff write these; every staff member reads them.
 */

/** How a plan is priced: per device by type, per user, or one flat price. */
export const PLAN_BASES = ['devices', 'users', 'flat'] as const;
export type PlanBasis = (typeof PLAN_BASES)[number];

export const servicePlanRecord = z.object({
	id,
	name: text(200).min(1, 'a plan needs a name'),
	basis: z.enum(PLAN_BASES).catch('devices'),
	/** prices and costs per unit per month, minor units (a quarterly or annual cycle bills 3 or 12 months) */
	workstationPrice: money,
	workstationCost: money,
	serverPrice: money,
	serverCost: money,
	mobilePrice: money,
	mobileCost: money,
	userPrice: money,
	userCost: money,
	flatPrice: money,
	flatCost: money,
	/** what the plan includes, as the customer reads it */
	includes: optionalText(4000),
	taxable: z.boolean().nullish().transform((v) => v ?? true),
	deletedAt: instant
});

/**
 * A program level ("Fully Managed", "Break/Fix"): the plans a customer on it
 * gets, the service types (work roles) its plans cover — labour of those
 * types is included, not billed — and the rate template for the rest, as a
 * share of each role's rate (10000 = the full rate).
 */
export const programRecord = z.object({
	id,
	name: text(120).min(1, 'a program needs a name'),
	planIds: idList,
	/** work roles the plans cover, comma-separated ("Remote support, Monitoring") */
	coveredWork: optionalText(1000),
	rateBasisPoints: count(100_000).transform((v) => v ?? 10_000),
	description: optionalText(4000),
	deletedAt: instant
});

/** A labour role: what an hour is billed at, and what it costs the MSP (for profitability). */
export const roleRecord = z.object({
	id,
	name: text(120).min(1, 'a role needs a name'),
	ratePerHour: money,
	costPerHour: money,
	deletedAt: instant
});

export const taxRateRecord = z.object({
	id,
	name: text(120).min(1, 'a tax rate needs a name'),
	basisPoints: z.number().int('a tax rate has at most two decimals').min(0, 'a tax rate cannot be negative').max(MAX_TAX_BASIS_POINTS, 'a tax rate cannot be over 100 %'),
	/** the customer region it applies to; none: the tenant's default rate */
	region: optionalText(120),
	deletedAt: instant
});

/** Labour not billed because the customer's program covers it: matched on the entry's work role, case-insensitively. */
export function coveredWorkRoles(program: Pick<z.infer<typeof programRecord>, 'coveredWork'> | null): Set<string> {
	return new Set((program?.coveredWork ?? '').split(',').map((part) => part.trim().toLowerCase()).filter(Boolean));
}


export type ServicePlanRecord = z.infer<typeof servicePlanRecord>;
export type ProgramRecord = z.infer<typeof programRecord>;
export type RoleRecord = z.infer<typeof roleRecord>;
export type TaxRateRecord = z.infer<typeof taxRateRecord>;
