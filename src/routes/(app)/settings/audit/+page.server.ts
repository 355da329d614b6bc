import { listPeople } from '#lib/server/accounts/people.js';
import { db } from '#lib/server/db/index.js';
import { listAudit } from '#lib/server/repositories/audit.js';
import { staff } from '#lib/server/auth/staff.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'audit.view');
	const [entries, { members }] = await Promise.all([listAudit(db(), me.tenantId), listPeople(db(), me.tenantId)]);
	// member events name the person by id: show their name while they still belong here
	const names = new Map(members.map((m) => [m.userId, m.name]));
	return {
		entries: entries.map((entry) => ({
			...entry,
			subject: (entry.subject && names.get(entry.subject)) ?? entry.subject
		}))
	};
};
