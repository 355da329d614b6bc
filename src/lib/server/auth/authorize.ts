import { can, type Action, type Role } from '#lib/domain/auth/roles.js';
import { forbidden, unauthenticated } from '../http/errors.js';

/**
 * The one gate every route passes: a signed-in staff member whose role allows
 * `action`. Returns the role so callers can narrow on it.
 */
export function authorize(role: Role | null | undefined, action: Action): Role {
	if (!role) throw unauthenticated();
	if (!can(role, action)) throw forbidden();
	return role;
}
