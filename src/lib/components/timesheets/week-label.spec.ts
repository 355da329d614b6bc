import { describe, expect, it } from 'vitest';
import { weekLabel } from './week-label.js';

describe('weekLabel', () => {
	it('names the week and its Monday to Sunday, across a year end', () => {
		expect(weekLabel('2026-W49')).toBe('2026-W49 · Nov 30 – Dec 6');
		expect(weekLabel('2026-W53')).toBe('2026-W53 · Dec 28 – Jan 3');
	});
});
