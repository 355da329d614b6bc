import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Identity } from '#lib/server/auth/sessions.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import type { Db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import type { Proposal } from '#lib/server/repositories/portal-proposals.js';

const input = z.object({ note: z.string().trim().max(2000).nullish().transform((v) => v || null) });

/** The accept and decline endpoints: the same input and answer around a different decision. */
export function decisionEndpoint(decide: (db: Db, me: Identity, id: string, note: string | null) => Promise<Proposal>) {
	return endpoint(async ({ locals, params, request }: RequestEvent) => {
		const me = staff(locals, 'proposals.review');
		const id = uuidParam(params.id, 'No such proposal.');
		const { note } = await readJson(request, input);
		return json({ proposal: await decide(db(), me, id, note) });
	});
}
