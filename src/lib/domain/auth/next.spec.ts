import { describe, expect, it } from 'vitest';
import { safeNext } from './next.js';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeNext', () => {
	it('keeps a path on this site, with its query and hash', () => {
		expect(safeNext('/settings/people?tab=1#x', ORIGIN)).toBe('/settings/people?tab=1#x');
	});

	it('sends anything that could leave the site to the dashboard', () => {
		for (const next of [null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'settings']) {
			expect(safeNext(next, ORIGIN), String(next)).toBe('/');
		}
	});
});
