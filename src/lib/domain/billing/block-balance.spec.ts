import { describe, expect, it } from 'vitest';
import { blockBalance, type Block } from './block-balance.js';

const block: Block = { type: 'block-hours', period: 'monthly', blockMinutes: 600, blockExpiresOn: '2027-06-30', lowBalanceMinutes: 120, drawn: [{ date: '2026-10-03', minutes: 300 }, { date: '2026-11-10', minutes: 210 }] };

describe('a prepaid balance', () => {
	it('a block counts all it has drawn, and flags a low balance', () => {
		expect(blockBalance(block, '2026-12-01')).toEqual({ usedMinutes: 510, remainingMinutes: 90, from: null, to: '2027-06-30', expired: false, low: true });
	});

	it('an expired block has nothing left', () => {
		expect(blockBalance(block, '2027-07-01')).toMatchObject({ remainingMinutes: 0, expired: true, low: false });
	});

	it('a retainer starts afresh each cycle', () => {
		expect(blockBalance({ ...block, type: 'retainer', blockExpiresOn: null }, '2026-11-20')).toEqual({ usedMinutes: 210, remainingMinutes: 390, from: '2026-11-01', to: '2026-11-30', expired: false, low: false });
	});
});
