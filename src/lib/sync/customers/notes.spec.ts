import { describe, expect, it } from 'vitest';
import { excerpt, orderNotes } from './notes.js';

describe('customer notes', () => {
	it('lists pinned notes on top, then the newest first, without deleted ones', () => {
		const notes = [
			{ id: 'a', at: '2026-01-01T10:00:00Z', pinned: false, deletedAt: null },
			{ id: 'b', at: '2026-01-03T10:00:00Z', pinned: false, deletedAt: null },
			{ id: 'c', at: '2025-12-01T10:00:00Z', pinned: true, deletedAt: null },
			{ id: 'd', at: '2026-01-04T10:00:00Z', pinned: false, deletedAt: '2026-01-05T00:00:00Z' }
		];
		expect(orderNotes(notes).map((n) => n.id)).toEqual(['c', 'b', 'a']);
	});

	it('cuts a note to one short line', () => {
		expect(excerpt('Gate code\n  4411  ')).toBe('Gate code 4411');
		expect(excerpt('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
	});
});
