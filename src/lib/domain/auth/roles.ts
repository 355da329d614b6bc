/** The staff roles of a tenant, most powerful first. */
export const ROLES = ['owner', 'admin', 'dispatcher', 'technician', 'billing'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * What each role may do outside the Yjs documents (whose rules live in
 * `documents/access.ts`). One table, read by `authorize` in every route.
 */
const RULES = {
	'app.use': ROLES,
	'tenant.update': ['owner', 'admin'],
	'people.view': ROLES,
	'people.invite': ['owner', 'admin'],
	'people.manage': ['owner', 'admin'],
	'mail.outbox': ['owner', 'admin'],
	'audit.view': ['owner', 'admin'],
	'sync.problems': ['owner', 'admin'],
	// the integration key alerts and mail come in with, and what a resolved alert does
	'integrations.manage': ['owner', 'admin'],
	'portal.invite': ['owner', 'admin', 'dispatcher'],
	// files: everyone on staff attaches to tickets (a photo from site); all staff may read them
	'files.upload': ROLES,
	'files.download': ROLES,
	'customers.import': ['owner', 'admin', 'dispatcher'],
	// changes customers' contacts propose in the portal: all staff see them, those who run customers decide
	'proposals.view': ROLES,
	'proposals.review': ['owner', 'admin', 'dispatcher'],
	// new tickets nobody is assigned to yet (a portal request, a customer's reply) reach those who dispatch
	'tickets.dispatch': ['owner', 'admin', 'dispatcher'],
	// timesheet weeks: those who may edit anyone's week (DESIGN.md §2) approve them; billing reads what was approved
	'timesheets.approve': ['owner', 'admin', 'dispatcher'],
	'timesheets.review': ['owner', 'admin', 'dispatcher', 'billing'],
	// everyone asks for their own time off; those who plan people's weeks decide, and set their capacity
	'timeoff.decide': ['owner', 'admin', 'dispatcher'],
	'capacity.manage': ['owner', 'admin', 'dispatcher'],
	// everyone's workload and utilization: planning and billing, not a tech's view of colleagues
	'people.reports': ['owner', 'admin', 'dispatcher', 'billing'],
	// billing runs, invoices, payments, credit notes and the money reports: those who bill (DESIGN.md §2)
	'billing.manage': ['owner', 'admin', 'billing']
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof RULES;

export function can(role: Role | null | undefined, action: Action): boolean {
	return !!role && (RULES[action] as readonly Role[]).includes(role);
}

/** The roles allowed `action` (whom to notify of work that needs it). */
export function rolesFor(action: Action): readonly Role[] {
	return RULES[action];
}

/** Only an owner may hand out or take away the owner role. */
export function canAssignRole(actor: Role, target: Role): boolean {
	if (!can(actor, 'people.invite')) return false;
	return target !== 'owner' || actor === 'owner';
}

export const ROLE_LABELS: Record<Role, string> = {
	owner: 'Owner',
	admin: 'Admin',
	dispatcher: 'Dispatcher',
	technician: 'Technician',
	billing: 'Billing'
};
