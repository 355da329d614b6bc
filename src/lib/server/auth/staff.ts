import type { Action } from '#lib/domain/auth/roles.js';
import { forbidden, unauthenticated } from '../http/errors.js';
import { authorize } from './authorize.js';
import type { Identity } from './sessions.js';

/** `authorize` for routes: the caller's identity once their role allows `action`. */
export function staff(locals: App.Locals, action: Action): Identity {
	if (!locals.identity && locals.portal) throw forbidden('This is for your IT provider\'s staff; your portal is at /portal.');
	authorize(locals.role, action);
	if (!locals.identity) throw unauthenticated();
	return locals.identity;
}
