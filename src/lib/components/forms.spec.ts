import { describe, expect, it } from 'vitest';
import { actionHere } from './forms.js';

describe('actionHere', () => {
	it('keeps the page query before the action, and no earlier action', () => {
		expect(actionHere(new URL('http://x/billing/runs/1'), 'adjust')).toBe('?/adjust');
		expect(actionHere(new URL('http://x/billing/runs/1?customer=a%20b&/post'), 'adjust')).toBe('?customer=a%20b&/adjust');
	});
});
