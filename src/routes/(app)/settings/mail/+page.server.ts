import { db } from '#lib/server/db/index.js';
import { listMail } from '#lib/server/repositories/mail.js';
import { staff } from '#lib/server/auth/staff.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'mail.outbox');
	return { mails: await listMail(db(), me.tenantId) };
};
