import { addMonths, formatDay, requireDay } from '../contracts/days.js';
import type { ServicePlanRecord } from '../catalog/billing-schema.js';
import type { PlanAssociationRecord } from '../contracts/billing-schema.js';
import type { InvoiceLine } from './invoice.js';
import { cycleOf, proratedCharge, type BillingCycle, type CycleSpan } from './proration.js';

/**
 * Recurring charges of a billing period, billed in advance: a cycle is billed
 * by the run whose period holds the first day of it the customer is served
 * (a mid-cycle start: the start; otherwise the cycle's first day), prorated
 * by days when the service starts or ends inside it. Each cycle's charge is
 * keyed `ID:CYCLE-START`, so it bills once however many runs cover it.
 */

export interface Period {
	start: string;
	end: string;
}

/** A draft line: an invoice line with the contract it bills under and what it cost the MSP. */
export interface DraftLine extends Omit<InvoiceLine, 'id'> {
	contractId: string | null;
	/** minutes of time billed or drawn from a block */
	minutes: number | null;
	cost: number;
}

export interface DeviceCounts {
	workstations: number;
	servers: number;
	mobiles: number;
	users: number;
}

const CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** The cycles a service running from `start` to `end` (null: open) has billed by a run over `period`. */
export function cyclesDue(period: Period, cycle: BillingCycle, start: string | null, end: string | null): CycleSpan[] {
	if (!start || (end !== null && end < start)) return [];
	const due: CycleSpan[] = [];
	const last = requireDay(period.end);
	for (let span = cycleOf(period.start, cycle); requireDay(span.start) <= last; span = cycleOf(formatDay(addMonths(requireDay(span.start), CYCLE_MONTHS[cycle])), cycle)) {
		const firstServed = start > span.start ? start : span.start;
		const served = firstServed <= span.end && (end === null || end >= firstServed);
		if (served && firstServed >= period.start && firstServed <= period.end) due.push(span);
	}
	return due;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

// a run labels the same few cycles thousands of times, and Intl's formatting is slow
const labels = new Map<string, string>();

/** "Nov 2026", "Oct 2026 – Dec 2026", or the days served when prorated. */
export function cycleLabel(span: CycleSpan, start: string, end: string | null): string {
	const key = `${span.start} ${span.end} ${start} ${end}`;
	let label = labels.get(key);
	if (label === undefined) {
		if (labels.size > 10_000) labels.clear();
		labels.set(key, (label = formatCycle(span, start, end)));
	}
	return label;
}

function formatCycle(span: CycleSpan, start: string, end: string | null): string {
	const from = start > span.start ? start : span.start;
	const to = end !== null && end < span.end ? end : span.end;
	const day = (d: string) => DAY.format(new Date(`${d}T00:00:00Z`));
	if (from !== span.start || to !== span.end) return `${day(from)} – ${day(to)}, prorated`;
	const month = (d: string) => MONTH.format(new Date(`${d}T00:00:00Z`));
	return span.start.slice(0, 7) === span.end.slice(0, 7) ? month(span.start) : `${month(span.start)} – ${month(span.end)}`;
}

type PriceUnit = { label: string; price: number | null; cost: number | null; quantity: number };

/** The units a plan prices for a customer: per device type, per user, or flat. */
function planUnits(plan: ServicePlanRecord, association: PlanAssociationRecord, counts: DeviceCounts): PriceUnit[] {
	const override = association.priceOverride;
	const unit = (label: string, price: number | null, cost: number | null, quantity: number): PriceUnit => ({ label, price: override ?? price, cost, quantity });
	if (plan.basis === 'flat') return [unit('', plan.flatPrice, plan.flatCost, 1)];
	if (plan.basis === 'users') return [unit('users', plan.userPrice, plan.userCost, association.users ?? counts.users)];
	return [
		unit('workstations', plan.workstationPrice, plan.workstationCost, association.workstations ?? counts.workstations),
		unit('servers', plan.serverPrice, plan.serverCost, association.servers ?? counts.servers),
		unit('mobile devices', plan.mobilePrice, plan.mobileCost, association.mobiles ?? counts.mobiles)
	];
}

/** Why a plan cannot bill, or null. */
export function planProblem(plan: ServicePlanRecord): string | null {
	const prices = plan.basis === 'flat' ? [plan.flatPrice] : plan.basis === 'users' ? [plan.userPrice] : [plan.workstationPrice, plan.serverPrice, plan.mobilePrice];
	if (prices.every((p) => p === null || p === 0)) return `The plan “${plan.name}” has no price: set one in Billing → Plans.`;
	if (prices.some((p) => p !== null && p < 0)) return `The plan “${plan.name}” has a negative price.`;
	return null;
}

export interface PlanLineContext {
	period: Period;
	counts: DeviceCounts;
	taxBasisPoints: number;
	/** `ID:CYCLE-START` of cycles already invoiced */
	billed: ReadonlySet<string>;
}

/** The lines an association bills in the period: one per unit priced and cycle due. */
export function planLines(plan: ServicePlanRecord, association: PlanAssociationRecord, ctx: PlanLineContext): DraftLine[] {
	const start = association.start;
	if (!start) return [];
	const months = CYCLE_MONTHS[association.cycle];
	return cyclesDue(ctx.period, association.cycle, start, association.end)
		.filter((span) => !ctx.billed.has(`${association.id}:${span.start}`))
		.flatMap((span) =>
			planUnits(plan, association, ctx.counts)
				.filter((u) => u.quantity > 0 && (u.price ?? 0) > 0)
				.map((u): DraftLine => {
					const unitPrice = (u.price ?? 0) * months;
					return {
						kind: 'recurring',
						sourceKind: 'plan',
						sourceId: `${association.id}:${span.start}`,
						contractId: association.contractId,
						description: `${plan.name}${u.label ? ` — ${u.label}` : ''} (${cycleLabel(span, start, association.end)})`,
						serviceDate: span.start,
						quantity: u.quantity,
						unitPrice,
						amount: proratedCharge(unitPrice * u.quantity, span, start, association.end),
						taxable: plan.taxable,
						taxBasisPoints: plan.taxable ? ctx.taxBasisPoints : 0,
						minutes: null,
						cost: proratedCharge((u.cost ?? 0) * months * u.quantity, span, start, association.end)
					};
				})
		);
}

/** A recurring agreement's own price per period (and a retainer's), as one line per cycle due. */
export function agreementLines(
	contract: { id: string; name: string; start: string | null; endsOn: string | null; amountPerPeriod: number | null; period: BillingCycle },
	ctx: Omit<PlanLineContext, 'counts'>
): DraftLine[] {
	const price = contract.amountPerPeriod ?? 0;
	if (!contract.start || price <= 0) return [];
	return cyclesDue(ctx.period, contract.period, contract.start, contract.endsOn)
		.filter((span) => !ctx.billed.has(`${contract.id}:${span.start}`))
		.map((span) => ({
			kind: 'recurring',
			sourceKind: 'contract',
			sourceId: `${contract.id}:${span.start}`,
			contractId: contract.id,
			description: `${contract.name} (${cycleLabel(span, contract.start!, contract.endsOn)})`,
			serviceDate: span.start,
			quantity: 1,
			unitPrice: price,
			amount: proratedCharge(price, span, contract.start!, contract.endsOn),
			taxable: false,
			taxBasisPoints: 0,
			minutes: null,
			cost: 0
		}));
}
