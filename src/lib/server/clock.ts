import { config, TEST_CLOCK_VALUE, type Config } from './config.js';

/**
 * The server's time, as the rule runner, the scheduler and the ticket stamps
 * read it: the real time, except that integration tests may move one tenant's
 * clock forward (decision 019) to see what a rule does after ten idle minutes
 * without waiting ten minutes.
 *
 * The test clock is off unless the process starts with
 * STACKDESK_TEST_CLOCK=unsafe-test-only, and a process with NODE_ENV=production
 * refuses to start with it. Even on, it only moves forward, one tenant at a
 * time (the caller's, an owner or admin), and lives in this process's memory:
 * a restart puts every tenant back on real time.
 */

const offsets = new Map<string, number>();

/** The time now for `tenantId` (the real time, unless the test clock moved that tenant's). */
export function serverNow(tenantId?: string): Date {
	const offset = tenantId === undefined ? 0 : (offsets.get(tenantId) ?? 0);
	return new Date(Date.now() + offset);
}

export function testClockEnabled(settings: Pick<Config, 'testClock'> = config()): boolean {
	return settings.testClock;
}

/** Checked once at start: a production process never runs with the test clock. */
export function assertClockSafe(settings: Pick<Config, 'testClock'>, env: NodeJS.ProcessEnv = process.env): void {
	if (!settings.testClock) return;
	if (env.NODE_ENV === 'production') {
		throw new Error(`STACKDESK_TEST_CLOCK=${TEST_CLOCK_VALUE} is for tests only and cannot run with NODE_ENV=production`);
	}
	console.warn('WARNING: the test clock is on (STACKDESK_TEST_CLOCK): owners and admins can move their tenant\'s time forward. Never run this in production.');
}

/** the most one call may move a tenant's clock: enough for any SLA test, not a way to jump years */
export const MAX_ADVANCE_MINUTES = 60 * 24 * 31;

/** Moves one tenant's clock forward by `minutes` (test clock only); returns its new time. */
export function advanceTestClock(tenantId: string, minutes: number): Date {
	if (!testClockEnabled()) throw new Error('the test clock is off');
	if (!(minutes >= 0 && minutes <= MAX_ADVANCE_MINUTES)) throw new RangeError(`move the clock forward by 0 to ${MAX_ADVANCE_MINUTES} minutes`);
	offsets.set(tenantId, (offsets.get(tenantId) ?? 0) + Math.round(minutes * 60_000));
	return serverNow(tenantId);
}
