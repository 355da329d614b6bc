import { describe, expect, it } from 'vitest';
import { can, canAssignRole, isRole, ROLES } from './roles.js';

describe('role rules', () => {
	it('knows the five staff roles', () => {
		expect(ROLES).toEqual(['owner', 'admin', 'dispatcher', 'technician', 'billing']);
		expect(isRole('admin')).toBe(true);
		expect(isRole('portal')).toBe(false);
		expect(isRole(undefined)).toBe(false);
	});

	it('lets every staff role use the app and no one without a role', () => {
		for (const role of ROLES) expect(can(role, 'app.use')).toBe(true);
		expect(can(null, 'app.use')).toBe(false);
	});

	it('keeps tenant settings and people management to owners and admins', () => {
		const allowed = ROLES.filter((r) => can(r, 'people.invite'));
		expect(allowed).toEqual(['owner', 'admin']);
		expect(ROLES.filter((r) => can(r, 'tenant.update'))).toEqual(['owner', 'admin']);
		expect(ROLES.filter((r) => can(r, 'people.view'))).toEqual([...ROLES]);
	});

	it('lets only an owner hand out the owner role', () => {
		expect(canAssignRole('owner', 'owner')).toBe(true);
		expect(canAssignRole('admin', 'owner')).toBe(false);
		expect(canAssignRole('admin', 'technician')).toBe(true);
		expect(canAssignRole('dispatcher', 'technician')).toBe(false);
	});
});
