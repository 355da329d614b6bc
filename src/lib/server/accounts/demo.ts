import { v7 as uuidv7 } from 'uuid';
import type { Role } from '#lib/domain/auth/roles.js';
import { todayIn } from '#lib/domain/today.js';
import type { Db } from '../db/index.js';
import { hashPassword } from '../auth/password.js';
import { storeDemoData } from './demo-data.js';
import { storeDemoPeopleTime } from './demo-people-time.js';
import { appendAudit } from '../repositories/audit.js';
import { insertMembership } from '../repositories/memberships.js';
import { countTenants, deleteTenant, findTenantByName, insertTenant, updateTenant } from '../repositories/tenants.js';
import { deleteUsersByEmail, insertUser } from '../repositories/users.js';

/** The demo tenant the README names; every demo login shares one password. */
export const DEMO = {
	tenantName: 'Northwind IT',
	password: 'northwind-demo',
	people: [
		{ email: 'owner@northwind.example', name: 'Nora Owens', role: 'owner' },
		{ email: 'dispatch@northwind.example', name: 'Dana Price', role: 'dispatcher' },
		{ email: 'tech@northwind.example', name: 'Theo Tran', role: 'technician' },
		{ email: 'billing@northwind.example', name: 'Bea Collins', role: 'billing' }
	] satisfies { email: string; name: string; role: Role }[]
};

/** Re-creates the demo tenant from scratch (`npm run seed`). */
export async function seedDemo(db: Db): Promise<void> {
	const passwordHash = await hashPassword(DEMO.password);
	await db.transaction(async (tx) => {
		const old = await findTenantByName(tx, DEMO.tenantName);
		if (old) await deleteTenant(tx, old.id);
		for (const person of DEMO.people) await deleteUsersByEmail(tx, person.email);
		const tenant = await insertTenant(tx, { id: uuidv7(), name: DEMO.tenantName });
		await updateTenant(tx, tenant.id, { name: tenant.name, currency: 'USD', timeZone: 'America/New_York' });
		const staff = [];
		for (const person of DEMO.people) {
			const user = await insertUser(tx, { id: uuidv7(), email: person.email, name: person.name, passwordHash });
			await insertMembership(tx, { tenantId: tenant.id, userId: user.id, role: person.role });
			staff.push({ id: user.id, name: person.name, role: person.role });
		}
		await storeDemoData(tx, tenant.id, 'America/New_York', staff);
		await storeDemoPeopleTime(tx, tenant.id, todayIn('America/New_York'), staff);
		await appendAudit(tx, { tenantId: tenant.id, actorId: null, action: 'tenant.seeded', subject: tenant.name });
	});
}

/** The first start on an empty database seeds the demo, so there is something to log into. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
	if ((await countTenants(db)) > 0) return false;
	await seedDemo(db);
	return true;
}
