import { describe, expect, it } from 'vitest';
import { countByType, warrantyStatus } from './devices.js';

describe('devices', () => {
	it('tells a warranty expired, expiring within 90 days, or covered', () => {
		const today = '2026-03-01';
		expect(warrantyStatus('2026-02-28', today)).toBe('expired');
		expect(warrantyStatus('2026-03-01', today)).toBe('expiring');
		expect(warrantyStatus('2026-05-30', today)).toBe('expiring');
		expect(warrantyStatus('2026-05-31', today)).toBe('covered');
		expect(warrantyStatus(null, today)).toBe('none');
		expect(warrantyStatus('2026-02-30', today)).toBe('none');
	});

	it('counts devices by type, leaving out deleted ones and filing unknown types under other', () => {
		const counts = countByType([
			{ id: '1', type: 'server' },
			{ id: '2', type: 'workstation' },
			{ id: '3', type: 'workstation' },
			{ id: '4', type: 'workstation', deletedAt: '2026-01-01T00:00:00Z' },
			{ id: '5', type: 'toaster' }
		]);
		expect(counts).toEqual({ workstation: 2, server: 1, mobile: 0, network: 0, other: 1 });
	});
});
