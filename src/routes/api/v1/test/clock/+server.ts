import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { advanceTestClock, MAX_ADVANCE_MINUTES, serverNow, testClockEnabled } from '#lib/server/clock.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';
import { runTimerRules } from '#lib/server/tickets/rule-runner.js';

/**
 * The test clock (decision 019): there only when the process started with
 * STACKDESK_TEST_CLOCK=unsafe-test-only, otherwise the same 404 as any unknown
 * API path. Moves the caller's tenant's time forward and runs the scheduler's
 * tick for that tenant at once, so a test sees what ten idle minutes do.
 */
function enabled(locals: App.Locals) {
	if (!testClockEnabled()) throw notFound('No API route /api/v1/test/clock.');
	return staff(locals, 'tenant.update');
}

const input = z.strictObject({ advanceMinutes: z.number().min(0).max(MAX_ADVANCE_MINUTES) });

export const GET = endpoint(async ({ locals }) => {
	const me = enabled(locals);
	return json({ now: serverNow(me.tenantId).toISOString() });
});

export const POST = endpoint(async ({ locals, request }) => {
	const me = enabled(locals);
	const { advanceMinutes } = await readJson(request, input);
	const now = advanceTestClock(me.tenantId, advanceMinutes);
	const tick = await runTimerRules(db(), me.tenantId, now);
	return json({ now: now.toISOString(), tick });
});
