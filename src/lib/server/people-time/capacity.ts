import { DEFAULT_CAPACITY, type WeekCapacity } from '#lib/domain/people/capacity.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { invalid, notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { getRole, listMembers } from '../repositories/memberships.js';
import { findCapacity, listCapacity, upsertCapacity } from '../repositories/staff-capacity.js';

export const NO_SUCH_PERSON = 'No such person in this company.';

/** A person of the caller's company, or a 400 naming the field that held the id. */
export async function requireMember(db: Db, tenantId: string, userId: string, field = 'userId'): Promise<void> {
	if (!(await getRole(db, tenantId, userId))) throw invalid(NO_SUCH_PERSON, { [field]: NO_SUCH_PERSON });
}

export async function capacityOf(db: Db, tenantId: string, userId: string): Promise<WeekCapacity> {
	return (await findCapacity(db, tenantId, userId)) ?? DEFAULT_CAPACITY;
}

/** Everyone in the company with their week, and whether it is the default. */
export async function listCapacities(db: Db, me: Identity) {
	const [members, set] = await Promise.all([listMembers(db, me.tenantId), listCapacity(db, me.tenantId)]);
	return members.map((m) => ({ userId: m.userId, name: m.name, role: m.role, minutes: set.get(m.userId) ?? DEFAULT_CAPACITY, isDefault: !set.has(m.userId) }));
}

export async function setCapacity(db: Db, me: Identity, userId: string, minutes: readonly number[]): Promise<WeekCapacity> {
	await db.transaction(async (tx) => {
		// the person is the path's: someone not in this company is not found here
		if (!(await getRole(tx, me.tenantId, userId))) throw notFound(NO_SUCH_PERSON);
		const before = await findCapacity(tx, me.tenantId, userId);
		await upsertCapacity(tx, { tenantId: me.tenantId, userId, minutes, updatedBy: me.userId });
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: 'capacity.changed', subject: userId, data: { before: before ?? DEFAULT_CAPACITY, after: minutes } });
	});
	return minutes;
}
