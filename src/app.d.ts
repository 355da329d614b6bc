import type { Identity } from '#lib/server/auth/sessions.js';

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
		}
	}
}

export {};
