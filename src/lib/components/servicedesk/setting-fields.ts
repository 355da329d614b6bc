import type { FormInput } from '#lib/domain/servicedesk/setting-forms.js';

/** One field of a service desk settings form (see SettingForm.svelte). */
export interface SettingField {
	key: string;
	label: string;
	/** text input, a textarea of lines, a checkbox, a select, checkboxes of options (their values space-separated), a time zone with suggestions, the SLA targets table */
	kind: 'text' | 'lines' | 'flag' | 'select' | 'choices' | 'zone' | 'targets';
	hint?: string;
	options?: { value: string; label: string }[];
	placeholder?: string;
	/** the keyboard a phone shows: "decimal" for an amount */
	inputmode?: 'decimal' | 'numeric';
	/** shown only while the select `key` has one of these values (the price fields of a plan's basis); hidden, it keeps its value */
	when?: { key: string; is: readonly string[] };
}

export const QUEUE_FIELDS: SettingField[] = [{ key: 'name', label: 'Queue name', kind: 'text', placeholder: 'Dispatch' }];

export const STATUS_FIELDS: SettingField[] = [
	{ key: 'name', label: 'Status name', kind: 'text', placeholder: 'Waiting on vendor' },
	{ key: 'pausesSla', label: 'Pauses the SLA clock', kind: 'flag', hint: 'Time in this status does not count against the resolution target.' },
	{ key: 'done', label: 'Done: the ticket’s work is finished', kind: 'flag', hint: 'Stops the clock; the board shows these columns last, folded.' }
];

export const TYPE_FIELDS: SettingField[] = [
	{ key: 'name', label: 'Type name', kind: 'text', placeholder: 'New user' },
	{ key: 'subTypes', label: 'Sub-types, one per line', kind: 'lines', placeholder: 'Laptop\nMailbox only' },
	{ key: 'questions', label: 'Follow-up questions, one per line', kind: 'lines', hint: 'The portal asks these when a customer picks this type.', placeholder: 'Start date?\nWhich office?' },
	{ key: 'portal', label: 'Offer this type in the customer portal', kind: 'flag' }
];

export const CALENDAR_FIELDS: SettingField[] = [
	{ key: 'name', label: 'Calendar name', kind: 'text', placeholder: 'Office hours' },
	{ key: 'timeZone', label: 'Time zone', kind: 'zone', hint: 'As the IANA names it, e.g. Europe/Berlin.' },
	{ key: 'hours', label: 'Opening hours', kind: 'lines', hint: 'Days and times, one part per line: Mon-Fri 09:00-17:00, or 24x7.' },
	{ key: 'holidays', label: 'Holidays, one per line', kind: 'lines', hint: 'Closed days as YYYY-MM-DD, optionally named: 2026-12-25 Christmas.' }
];

/** The policy form: its calendar picks from the tenant's calendars. */
export function policyFields(calendars: readonly { id: string; name: string }[]): SettingField[] {
	return [
		{ key: 'name', label: 'Policy name', kind: 'text', placeholder: 'Standard' },
		{ key: 'calendarId', label: 'Business hours', kind: 'select', options: [{ value: '', label: 'Round the clock (24x7)' }, ...calendars.map((c) => ({ value: c.id, label: c.name }))] },
		{ key: 'isDefault', label: 'Default policy', kind: 'flag', hint: 'For tickets of customers whose agreement names no policy.' },
		{ key: 'targets', label: 'Targets', kind: 'targets', hint: 'In business hours: 4h, 1h 30m, 45m. Blank: no target.' }
	];
}

export const BLANK_CALENDAR = (timeZone: string): FormInput => ({ name: '', timeZone, hours: 'Mon-Fri 09:00-17:00', holidays: '' });

/** Time zones this browser knows, for the suggestions of the zone field. */
export function timeZones(): string[] {
	try {
		return Intl.supportedValuesOf('timeZone');
	} catch {
		return [];
	}
}
