import { requireDay } from '../contracts/days.js';
import { coveredWorkRoles, type ProgramRecord, type RoleRecord } from '../catalog/billing-schema.js';
import { drawDown, timeAndMaterialsLine, type TimeAndMaterialsTerms } from './labour.js';
import { cycleOf, type BillingCycle } from './proration.js';
import { applyBasisPoints, minutesAtRate } from './rounding.js';
import type { DraftLine } from './recurring.js';

/**
 * Approved time of one customer → labour lines. Each entry bills under the
 * customer's agreement in force on its day: time on a fixed-price project is
 * its cost, not billed; work the customer's program covers is included; a
 * prepaid block or retainer draws it down (what crosses the block's end bills
 * at the overage rate); the rest is time and materials. The rate is the
 * contract's override for the role, else the customer's rate, else the role's
 * rate through the program's rate template.
 */

export interface BillableEntry {
	id: string;
	date: string;
	startMinute: number | null;
	minutes: number;
	workRole: string | null;
	/** the contract of the project the time is on (a project names its contract) */
	projectContractId: string | null;
	/** what the invoice says the work was: the ticket or task, or the entry's notes */
	label: string | null;
}

export interface Agreement {
	id: string;
	name: string;
	type: 'recurring' | 'block-hours' | 'retainer' | 'time-and-materials' | 'fixed-price' | null;
	start: string | null;
	endsOn: string | null;
	period: BillingCycle;
	blockMinutes: number | null;
	blockExpiresOn: string | null;
	lowBalanceMinutes: number | null;
	overageRate: number | null;
	incrementMinutes: number | null;
	minimumMinutes: number | null;
	afterHoursBasisPoints: number | null;
}

export interface LabourContext {
	agreements: readonly Agreement[];
	customerRate: number | null;
	/** by lower-cased name */
	roles: ReadonlyMap<string, RoleRecord>;
	/** contract id → lower-cased role → rate */
	overrides: ReadonlyMap<string, ReadonlyMap<string, number>>;
	program: ProgramRecord | null;
	/** minutes already drawn per pool: a block's id, a retainer's `ID:CYCLE-START` */
	drawn: ReadonlyMap<string, number>;
}

export interface BlockBalance {
	contractId: string;
	name: string;
	pool: string;
	remainingMinutes: number;
	low: boolean;
}

// a run meets the same few dozen days a hundred thousand times
const weekdays = new Map<string, number>();
function weekdayOf(date: string): number {
	let weekday = weekdays.get(date);
	if (weekday === undefined) {
		if (weekdays.size > 10_000) weekdays.clear();
		weekdays.set(date, (weekday = (requireDay(date) + 4) % 7)); // 1970-01-01 was a Thursday; 0 = Sunday
	}
	return weekday;
}

/** Outside 08:00–18:00 on a weekday, or any time at a weekend: the after-hours multiplier applies. */
export function isAfterHours(date: string, startMinute: number | null): boolean {
	const weekday = weekdayOf(date);
	if (weekday === 0 || weekday === 6) return true;
	return startMinute !== null && (startMinute < 8 * 60 || startMinute >= 18 * 60);
}

const inForce = (a: Agreement, date: string) => (a.start === null || a.start <= date) && (a.endsOn === null || date <= a.endsOn);
const isPool = (a: Agreement) => (a.type === 'block-hours' || a.type === 'retainer') && (a.blockMinutes ?? 0) > 0;

function poolOf(a: Agreement, date: string): string | null {
	if (a.type === 'block-hours') return a.blockExpiresOn !== null && date > a.blockExpiresOn ? null : a.id;
	return `${a.id}:${cycleOf(date, a.period).start}`;
}

function rateFor(entry: BillableEntry, contract: Agreement | null, ctx: LabourContext): number {
	const role = (entry.workRole ?? '').toLowerCase();
	const override = contract ? ctx.overrides.get(contract.id)?.get(role) : undefined;
	if (override !== undefined) return override;
	if (ctx.customerRate !== null) return ctx.customerRate;
	return applyBasisPoints(ctx.roles.get(role)?.ratePerHour ?? 0, ctx.program?.rateBasisPoints ?? 10_000);
}

const termsOf = (contract: Agreement | null): TimeAndMaterialsTerms => ({
	incrementMinutes: contract?.incrementMinutes ?? 1,
	minimumMinutes: contract?.minimumMinutes ?? 0,
	afterHoursBasisPoints: contract?.afterHoursBasisPoints ?? 10_000
});

const hours = (minutes: number) => Math.round((minutes / 60) * 1000) / 1000;

function describe(entry: BillableEntry, note: string): string {
	return `${entry.date} · ${entry.workRole ?? 'Labour'}${entry.label ? ` · ${entry.label}` : ''}${note ? ` — ${note}` : ''}`;
}

function labourLine(entry: BillableEntry, contract: Agreement | null, minutes: number, rate: number, note: string): DraftLine {
	const line = timeAndMaterialsLine({ id: entry.id, minutes, ratePerHour: rate, afterHours: isAfterHours(entry.date, entry.startMinute) }, termsOf(contract));
	const raised = line.minutes !== minutes ? `${minutes} min worked, billed as ${line.minutes}` : '';
	const afterHours = line.ratePerHour !== rate ? 'after hours' : '';
	return {
		kind: 'labour',
		sourceKind: 'time-entry',
		sourceId: entry.id,
		contractId: contract?.id ?? null,
		description: describe(entry, [note, afterHours, raised].filter(Boolean).join(', ')),
		serviceDate: entry.date,
		quantity: hours(line.minutes),
		unitPrice: line.ratePerHour,
		amount: line.amount,
		taxable: false,
		taxBasisPoints: 0,
		minutes: line.minutes,
		cost: 0
	};
}

/** The customer's labour lines in date order, and the balance each block or retainer is left with. */
export function labourLines(entries: readonly BillableEntry[], ctx: LabourContext): { lines: DraftLine[]; balances: BlockBalance[] } {
	const covered = coveredWorkRoles(ctx.program);
	const drawn = new Map(ctx.drawn);
	const lines: DraftLine[] = [];
	const touched = new Map<string, Agreement>();
	for (const entry of [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1))) {
		const active = ctx.agreements.filter((a) => inForce(a, entry.date));
		if (entry.projectContractId && active.some((a) => a.type === 'fixed-price' && a.id === entry.projectContractId)) continue;
		if (covered.has((entry.workRole ?? '').toLowerCase())) continue;
		const cost = minutesAtRate(entry.minutes, ctx.roles.get((entry.workRole ?? '').toLowerCase())?.costPerHour ?? 0);
		const block = active.find((a) => isPool(a) && poolOf(a, entry.date) !== null);
		const tm = active.find((a) => a.type === 'time-and-materials') ?? null;
		const entryLines = block ? drawFromBlock(entry, block, drawn, ctx) : [labourLine(entry, tm, entry.minutes, rateFor(entry, tm, ctx), '')];
		if (block) touched.set(poolOf(block, entry.date)!, block);
		entryLines[0].cost = cost;
		lines.push(...entryLines);
	}
	const balances = [...touched].map(([pool, a]) => {
		const remainingMinutes = Math.max(0, (a.blockMinutes ?? 0) - (drawn.get(pool) ?? 0));
		return { contractId: a.id, name: a.name, pool, remainingMinutes, low: a.lowBalanceMinutes !== null && remainingMinutes <= a.lowBalanceMinutes };
	});
	return { lines, balances };
}

/** One entry against a block: the part it holds at no charge, the rest at the overage rate (or the T&M rate without one). */
function drawFromBlock(entry: BillableEntry, block: Agreement, drawn: Map<string, number>, ctx: LabourContext): DraftLine[] {
	const pool = poolOf(block, entry.date)!;
	const used = drawn.get(pool) ?? 0;
	const overageRate = block.overageRate ?? rateFor(entry, block, ctx);
	const result = drawDown((block.blockMinutes ?? 0) - used, [entry], overageRate);
	const fromBlock = result.drawn[0]?.minutes ?? 0;
	drawn.set(pool, used + fromBlock);
	const lines: DraftLine[] = [];
	if (fromBlock > 0) {
		lines.push({
			kind: 'block',
			sourceKind: 'time-entry',
			sourceId: entry.id,
			contractId: block.id,
			description: describe(entry, `${hours(fromBlock)} h from ${block.name}, ${hours(result.remainingMinutes)} h left`),
			serviceDate: entry.date,
			quantity: hours(fromBlock),
			unitPrice: 0,
			amount: 0,
			taxable: false,
			taxBasisPoints: 0,
			minutes: fromBlock,
			cost: 0
		});
	}
	for (const over of result.overage) lines.push(labourLine(entry, { ...block, incrementMinutes: null, minimumMinutes: null }, over.minutes, overageRate, `beyond ${block.name}, at the overage rate`));
	return lines;
}
