import type { Db } from '../db/index.js';
import type { Identity } from '../auth/sessions.js';
import { notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { getTenant, updateTenant } from '../repositories/tenants.js';
import type { TenantInput } from './schemas.js';

export async function tenantSettings(db: Db, tenantId: string) {
	const tenant = await getTenant(db, tenantId);
	if (!tenant) throw notFound('No such company.');
	return tenant;
}

export async function updateTenantSettings(db: Db, actor: Identity, input: TenantInput) {
	return db.transaction(async (tx) => {
		const before = await tenantSettings(tx, actor.tenantId);
		const after = await updateTenant(tx, actor.tenantId, input);
		await appendAudit(tx, {
			tenantId: actor.tenantId,
			actorId: actor.userId,
			action: 'tenant.updated',
			subject: after.name,
			data: { before: { name: before.name, currency: before.currency, timeZone: before.timeZone, autoApproveTimesheets: before.autoApproveTimesheets }, after: input }
		});
		return after;
	});
}
