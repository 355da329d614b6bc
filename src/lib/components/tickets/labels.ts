import type { ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { TICKET_PRIORITIES, TICKET_SOURCES } from '#lib/domain/ticket/schema.js';
import type { SlaTone } from '#lib/sync/tickets/sla-badge.js';
import type { TicketSort } from '#lib/sync/tickets/ticket-filter.js';

/** Words and badge colours the ticket screens share. */

export const PRIORITY_LABELS: Record<string, string> = { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' };
export const PRIORITY_OPTIONS = [...TICKET_PRIORITIES].reverse().map((value) => ({ value, label: PRIORITY_LABELS[value] }));
export const PRIORITY_BADGE: Record<string, string> = { critical: 'badge-danger', high: 'badge-warning', normal: '', low: '' };

export const SOURCE_LABELS: Record<string, string> = { phone: 'Phone', mail: 'Mail', portal: 'Portal', alert: 'Alert', manual: 'Manual' };
export const SOURCE_OPTIONS = TICKET_SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }));

export const SORT_OPTIONS: { value: TicketSort; label: string }[] = [
	{ value: 'number', label: 'Newest first' },
	{ value: 'priority', label: 'Priority' },
	{ value: 'activity', label: 'Last activity' },
	{ value: 'due', label: 'Due date' },
	{ value: 'sla', label: 'SLA time left' }
];

export const SLA_BADGE: Record<SlaTone, string> = { ok: 'badge-success', risk: 'badge-warning', breached: 'badge-danger', paused: '', done: '' };

const live = <R extends { deletedAt: string | null }>(records: readonly R[]) => records.filter((r) => !r.deletedAt);

export function statusOptions(desk: ServiceDesk | null): { value: string; label: string; done: boolean }[] {
	return live(desk?.statuses ?? []).map((s) => ({ value: s.id, label: s.name, done: s.done }));
}

export function queueOptions(desk: ServiceDesk | null): { value: string; label: string }[] {
	return live(desk?.queues ?? []).map((q) => ({ value: q.id, label: q.name }));
}

/** A status's name; a status the tenant removed still shows by its id. */
export function statusName(desk: ServiceDesk | null, id: string | null): string {
	if (!id) return '—';
	return desk?.statuses.find((s) => s.id === id)?.name ?? id;
}

export function queueName(desk: ServiceDesk | null, id: string | null): string {
	if (!id) return '—';
	return desk?.queues.find((q) => q.id === id)?.name ?? id;
}

/** A moment as "5m ago", "3h ago", "2d ago", or the date past a week: a list reads at a glance. */
export function ago(iso: string | null, now: number): string {
	if (!iso) return '—';
	const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes}m ago`;
	if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h ago`;
	if (minutes < 7 * 24 * 60) return `${Math.floor(minutes / 1440)}d ago`;
	return iso.slice(0, 10);
}

export function typeOptions(desk: ServiceDesk | null): { value: string; label: string }[] {
	return live(desk?.ticketTypes ?? []).map((t) => ({ value: t.id, label: t.name }));
}

/** A type's sub-types, one per line in its record. */
export function subTypeOptions(desk: ServiceDesk | null, typeId: string | null): string[] {
	const type = desk?.ticketTypes.find((t) => t.id === typeId);
	return (type?.subTypes ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

export function typeName(desk: ServiceDesk | null, id: string | null): string | null {
	if (!id) return null;
	return desk?.ticketTypes.find((t) => t.id === id)?.name ?? id;
}

/** Options with the current value among them: a value the list no longer offers (a removed queue, a former member) still shows as selected. */
export function withCurrent(options: readonly { value: string; label: string }[], value: string | null, label: (value: string) => string = () => 'Not available here') {
	return value && !options.some((o) => o.value === value) ? [...options, { value, label: label(value) }] : options;
}
