import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceTestClock, assertClockSafe, serverNow } from './clock.js';
import { readConfig, setConfig } from './config.js';

describe('the test clock', () => {
	afterEach(() => {
		setConfig(readConfig({}));
		vi.restoreAllMocks();
	});

	it('is on only with the exact value, and a production process refuses to start with it', () => {
		expect(readConfig({}).testClock).toBe(false);
		expect(readConfig({ STACKDESK_TEST_CLOCK: '1' }).testClock).toBe(false);
		expect(readConfig({ STACKDESK_TEST_CLOCK: 'true' }).testClock).toBe(false);
		const on = readConfig({ STACKDESK_TEST_CLOCK: 'unsafe-test-only' });
		expect(on.testClock).toBe(true);
		expect(() => assertClockSafe(on, { NODE_ENV: 'production' })).toThrow(/tests only/);
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(() => assertClockSafe(on, {})).not.toThrow();
		expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('Never run this in production'));
	});

	it('cannot move time while off', () => {
		setConfig(readConfig({}));
		expect(() => advanceTestClock('t-off', 10)).toThrow(/off/);
		expect(Math.abs(serverNow('t-off').getTime() - Date.now())).toBeLessThan(1000);
	});

	it('moves one tenant forward, never back, and leaves the others on real time', () => {
		setConfig(readConfig({ STACKDESK_TEST_CLOCK: 'unsafe-test-only' }));
		const moved = advanceTestClock('t-a', 10).getTime();
		expect(moved - Date.now()).toBeGreaterThan(9.9 * 60_000);
		expect(() => advanceTestClock('t-a', -1)).toThrow(RangeError);
		expect(() => advanceTestClock('t-a', 60 * 24 * 365)).toThrow(RangeError);
		expect(Math.abs(serverNow('t-b').getTime() - Date.now())).toBeLessThan(1000);
		expect(Math.abs(serverNow().getTime() - Date.now())).toBeLessThan(1000);
	});
});
