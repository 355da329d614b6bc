import { applyBasisPoints, minutesAtRate } from './rounding.js';

/**
 * Labour lines from approved time, exact to the cent. Time and materials:
 * each entry's minutes are rounded up to the contract's increment, then raised
 * to its minimum charge; an after-hours entry's rate is multiplied (basis
 * points, 15000 = ×1.5) before the minutes are priced; the amount is rounded
 * once per entry (rounding.ts). Prepaid block hours: entries draw the block
 * down in the order given; an entry that crosses the block's end is split,
 * the part beyond it billed at the overage rate.
 */

export interface TimeAndMaterialsTerms {
	/** minutes each entry is rounded up to a multiple of (15); 1 or less: not rounded */
	incrementMinutes: number;
	/** the fewest minutes an entry bills (60); 0: none */
	minimumMinutes: number;
	/** the multiplier of an after-hours entry's rate, in basis points (15000 = ×1.5) */
	afterHoursBasisPoints: number;
}

export interface LabourEntry {
	id: string;
	minutes: number;
	/** the role's rate, or the contract's override of it, in minor units an hour */
	ratePerHour: number;
	afterHours: boolean;
}

export interface LabourLine {
	entryId: string;
	/** the minutes billed, after increment and minimum */
	minutes: number;
	ratePerHour: number;
	amount: number;
	/** how the line came to be, as the pre-bill shows it */
	basis: string;
}

/** The minutes an entry bills under the terms: up to the increment, then at least the minimum. */
export function billableMinutes(minutes: number, terms: Pick<TimeAndMaterialsTerms, 'incrementMinutes' | 'minimumMinutes'>): number {
	if (minutes <= 0) return 0;
	const step = Math.max(1, Math.floor(terms.incrementMinutes));
	return Math.max(Math.ceil(minutes / step) * step, terms.minimumMinutes);
}

export function timeAndMaterialsLine(entry: LabourEntry, terms: TimeAndMaterialsTerms): LabourLine {
	const minutes = billableMinutes(entry.minutes, terms);
	const ratePerHour = entry.afterHours ? applyBasisPoints(entry.ratePerHour, terms.afterHoursBasisPoints) : entry.ratePerHour;
	const raised = minutes === entry.minutes ? '' : ` (${entry.minutes} min worked, billed as ${minutes})`;
	return { entryId: entry.id, minutes, ratePerHour, amount: minutesAtRate(minutes, ratePerHour), basis: `${entry.afterHours ? 'after hours, ' : ''}${minutes} min at ${ratePerHour}/h${raised}` };
}

export interface BlockDrawdown {
	/** minutes taken from the block, per entry */
	drawn: { entryId: string; minutes: number }[];
	/** the minutes beyond the block, billed at the overage rate */
	overage: LabourLine[];
	/** what is left of the block after these entries */
	remainingMinutes: number;
}

/** Draws `entries` from a block with `remainingMinutes` left, in order; what exceeds it bills at `overageRatePerHour`. */
export function drawDown(remainingMinutes: number, entries: readonly Pick<LabourEntry, 'id' | 'minutes'>[], overageRatePerHour: number): BlockDrawdown {
	let left = Math.max(0, remainingMinutes);
	const drawn: BlockDrawdown['drawn'] = [];
	const overage: LabourLine[] = [];
	for (const entry of entries) {
		const fromBlock = Math.min(left, entry.minutes);
		left -= fromBlock;
		if (fromBlock > 0) drawn.push({ entryId: entry.id, minutes: fromBlock });
		const beyond = entry.minutes - fromBlock;
		if (beyond > 0) overage.push({ entryId: entry.id, minutes: beyond, ratePerHour: overageRatePerHour, amount: minutesAtRate(beyond, overageRatePerHour), basis: `${beyond} min beyond the block at the overage rate` });
	}
	return { drawn, overage, remainingMinutes: left };
}
