import { describe, expect, it } from 'vitest';
import { rankBetween } from './ranks.js';

describe('rankBetween', () => {
	it('makes ranks that sort between their neighbours, however often a record moves', () => {
		let low: string | null = null;
		let high: string | null = rankBetween(null, null);
		for (let i = 0; i < 50; i++) {
			const rank = rankBetween(low, high);
			if (low !== null) expect(rank > low).toBe(true);
			if (high !== null) expect(rank < high).toBe(true);
			expect(rank.endsWith('0')).toBe(false);
			[low, high] = i % 2 ? [rank, high] : [low, rank];
		}
		expect(rankBetween('a', 'b')).toBe('ai');
		expect(rankBetween(null, '1') < '1').toBe(true);
	});
});
