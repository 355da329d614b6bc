import type { Identity } from '#lib/server/auth/sessions.js';
import type { PortalIdentity } from '#lib/server/portal/accounts.js';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			id?: string;
		}
		interface Locals {
			/** the signed-in staff member, or null */
			identity: Identity | null;
			user: { id: string; email: string; name: string } | null;
			tenant: { id: string; name: string } | null;
			role: Identity['role'] | null;
			/** a customer contact signed in to the portal, or null */
			portal: PortalIdentity | null;
		}
	}
}

export {};
