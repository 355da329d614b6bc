import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatShare } from './format.js';

describe('formatMonth', () => {
	it('names a calendar month the same in every time zone', () => {
		expect(formatMonth('2026-03')).toBe('Mar 2026');
		expect(formatMonth('2025-12')).toBe('Dec 2025');
	});
});

describe('formatShare', () => {
	it('shows a share as a percentage with at most one decimal', () => {
		expect(formatShare(0.76)).toBe('76%');
		expect(formatShare(0.7654)).toBe('76.5%');
		expect(formatShare(-0.25)).toBe('-25%');
		expect(formatShare(null)).toBe('—');
	});
});

describe('formatDate', () => {
	it('still prints the medium date in the given zone', () => {
		expect(formatDate('2026-03-01T03:00:00Z', 'America/New_York')).toBe('Feb 28, 2026');
	});
});
