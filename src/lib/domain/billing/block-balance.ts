import { cycleOf, type BillingCycle } from './proration.js';

/**
 * What is left of a prepaid block or retainer on a day, from the minutes
 * posted invoices drew from it: a block counts everything drawn until it
 * expires (then nothing is left); a retainer starts afresh each cycle.
 */

export interface Block {
	type: 'block-hours' | 'retainer';
	period: BillingCycle;
	blockMinutes: number;
	blockExpiresOn: string | null;
	lowBalanceMinutes: number | null;
	drawn: readonly { date: string; minutes: number }[];
}

export interface BlockBalance {
	usedMinutes: number;
	remainingMinutes: number;
	/** the cycle the figures are for (a retainer), or the whole block */
	from: string | null;
	to: string | null;
	expired: boolean;
	low: boolean;
}

export function blockBalance(block: Block, today: string): BlockBalance {
	const cycle = block.type === 'retainer' ? cycleOf(today, block.period) : null;
	const counted = cycle ? block.drawn.filter((d) => d.date >= cycle.start && d.date <= cycle.end) : block.drawn;
	const usedMinutes = counted.reduce((sum, d) => sum + d.minutes, 0);
	const expired = block.type === 'block-hours' && block.blockExpiresOn !== null && today > block.blockExpiresOn;
	const remainingMinutes = expired ? 0 : Math.max(0, block.blockMinutes - usedMinutes);
	return { usedMinutes, remainingMinutes, from: cycle?.start ?? null, to: cycle?.end ?? block.blockExpiresOn, expired, low: !expired && block.lowBalanceMinutes !== null && remainingMinutes <= block.lowBalanceMinutes };
}
