import type { Role } from '../auth/roles.js';
import type { Firing } from './rule-evaluation.js';
import type { Recipient } from './rules.js';

/** A staff member a rule may notify. */
export interface RuleMember {
	userId: string;
	email: string;
	name: string;
	role: Role;
}

/** Whom one notification reaches: staff get it in the app and by mail, the ticket's contact by mail only. */
export interface Addressee {
	userId: string | null;
	email: string | null;
}

/**
 * The people a notification goes to, as the rule left the ticket. Someone who
 * is not (or no longer) a member of the tenant is nobody: a rule naming a
 * person who left notifies no one rather than failing.
 */
export function addressees(to: Recipient, after: Firing['after'], members: readonly RuleMember[], contactEmail: string | null): Addressee[] {
	if (to === 'contact') return contactEmail ? [{ userId: null, email: contactEmail }] : [];
	const member = (userId: string | null) => members.filter((m) => m.userId === userId);
	const found =
		to === 'assignee' ? member(after.assignee) : to === 'lead' ? member(after.leadTechId) : 'user' in to ? member(to.user) : members.filter((m) => m.role === to.role);
	return found.map((m) => ({ userId: m.userId, email: m.email }));
}
