import { isRole, ROLE_LABELS } from '#lib/domain/auth/roles.js';

/** Audit actions in words; an unknown action shows as recorded. */
const ACTIONS: Record<string, string> = {
	'tenant.created': 'Created the company',
	'tenant.seeded': 'Demo data loaded',
	'tenant.updated': 'Changed company settings',
	'invitation.created': 'Invited',
	'invitation.accepted': 'Accepted an invitation',
	'invitation.revoked': 'Revoked an invitation',
	'member.role_changed': 'Changed a role',
	'member.removed': 'Removed a member',
	'integrations.key_rotated': 'Made a new integration key',
	'integrations.key_revoked': 'Revoked the integration key',
	'integrations.settings_changed': 'Changed alert and mail intake settings',
	'timeoff.requested': 'Requested time off',
	'timeoff.approved': 'Approved time off',
	'timeoff.rejected': 'Rejected time off',
	'timeoff.cancelled': 'Cancelled time off',
	'capacity.changed': 'Changed someone\'s weekly hours',
	'billing.run.start': 'Started a billing run',
	'billing.run.post': 'Posted a billing run',
	'billing.run.discard': 'Discarded a draft billing run',
	'billing.line.adjust': 'Adjusted a draft invoice line',
	'billing.payment': 'Recorded a payment',
	'billing.credit': 'Issued a credit note',
	'billing.invoices.send': 'Sent invoices',
	'billing.settings': 'Changed invoice settings'
};

export function actionLabel(action: string): string {
	return ACTIONS[action] ?? action;
}

const role = (value: unknown) => (isRole(value) ? ROLE_LABELS[value] : String(value));

/** A short line from an entry's data, e.g. "Technician → Dispatcher". */
export function auditDetails(data: Record<string, unknown> | null | undefined): string {
	if (!data) return '';
	if ('from' in data && 'to' in data) return `${role(data.from)} → ${role(data.to)}`;
	if ('role' in data) return `as ${role(data.role)}`;
	if ('after' in data && data.after && typeof data.after === 'object') {
		return Object.entries(data.after as Record<string, unknown>)
			.map(([key, value]) => `${key}: ${String(value)}`)
			.join(', ');
	}
	return '';
}
