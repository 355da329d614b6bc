import { json } from '@sveltejs/kit';
import { decisionInput } from '#lib/domain/people/time-off.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';
import { cancelTimeOff, decideTimeOff } from '#lib/server/people-time/time-off.js';
import type { RequestEvent } from './$types';

const VERDICTS = { approve: 'approved', reject: 'rejected' } as const;

/** `approve` and `reject` (approvers, `{comment?}`; a rejection needs one) and `cancel` (the person or an approver). */
export const POST = endpoint(async ({ locals, params, request }: RequestEvent) => {
	if (params.verdict === 'cancel') return json({ request: await cancelTimeOff(db(), staff(locals, 'app.use'), params.id) });
	const verdict = VERDICTS[params.verdict as keyof typeof VERDICTS];
	if (!verdict) throw notFound('Approve, reject or cancel a request.');
	const me = staff(locals, 'timeoff.decide');
	const { comment } = await readJson(request, decisionInput);
	return json({ request: await decideTimeOff(db(), me, params.id, verdict, comment) });
});
