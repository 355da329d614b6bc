import { z } from 'zod';
import type { NewTicket } from '../ticket/edits.js';

/**
 * The generic alert body of `POST /api/v1/alerts` (docs/api.md) and what a
 * ticket made from it holds. Monitoring tools differ in their words for
 * severity, so the common ones are all taken and mapped onto the four
 * priorities a ticket has.
 */

const SEVERITY_TO_PRIORITY = {
	critical: 'critical',
	fatal: 'critical',
	emergency: 'critical',
	disaster: 'critical',
	high: 'high',
	major: 'high',
	error: 'high',
	medium: 'normal',
	warning: 'normal',
	average: 'normal',
	minor: 'normal',
	low: 'low',
	info: 'low',
	information: 'low',
	informational: 'low'
} as const;

export type Severity = keyof typeof SEVERITY_TO_PRIORITY;
export const SEVERITIES = Object.keys(SEVERITY_TO_PRIORITY) as Severity[];

const name = (max: number, what: string) => z.string(`${what} must be text`).trim().min(1, `${what} is required`).max(max, `${what} is at most ${max} characters`);
const optionalName = (max: number, what: string) => name(max, what).nullish().transform((v) => v ?? null);

export const alertBody = z
	.object({
		/** the monitoring tool or feed, e.g. "uptime-kuma" */
		source: name(100, 'source').regex(/^[^\s:][^:]*$/, 'source must not contain ":"'),
		/** what makes two alerts the same alert, e.g. "web01/http" */
		alertKey: name(199, 'alertKey'),
		customer: optionalName(200, 'customer'),
		device: optionalName(200, 'device'),
		severity: z
			.string('severity must be text')
			.trim()
			.toLowerCase()
			.pipe(z.enum(SEVERITIES, `severity must be one of ${SEVERITIES.join(', ')}`))
			.default('warning'),
		title: optionalName(300, 'title'),
		message: z.string('message must be text').max(20_000, 'message is at most 20000 characters').nullish().transform((v) => v?.trim() || null),
		state: z.enum(['open', 'resolved'], 'state must be "open" or "resolved"').default('open')
	})
	.superRefine((body, ctx) => {
		if (body.state === 'open' && !body.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'title is required for an open alert' });
	});

export type AlertBody = z.infer<typeof alertBody>;

export function priorityOf(severity: Severity): 'low' | 'normal' | 'high' | 'critical' {
	return SEVERITY_TO_PRIORITY[severity];
}

/** Who a change made by the alert intake is by (conventions: `alert: SOURCE`). */
export const alertAuthor = (source: string) => `alert: ${source}`;

/** The ticket's `alertKey`: source and key, so the same key from two tools stays two alerts. */
export const ticketAlertKey = (body: Pick<AlertBody, 'source' | 'alertKey'>) => `${body.source}:${body.alertKey}`;

/** Where the alert landed: its customer (and the device's site), or nowhere known. */
export interface AlertPlace {
	customerId: string | null;
	siteId: string | null;
}

/** A new alert's ticket: source 'alert', priority from severity, unknown customers in `triageQueue`. */
export function alertTicket(body: AlertBody, place: AlertPlace, triageQueue: string): NewTicket {
	const facts = [`Source: ${body.source}`, `Alert key: ${body.alertKey}`, `Severity: ${body.severity}`];
	if (body.device) facts.push(`Device: ${body.device}`);
	if (body.customer) facts.push(`Customer: ${body.customer}`);
	if (!place.customerId) facts.push('No customer matched this alert: it waits in Triage.');
	return {
		title: body.title!,
		source: 'alert',
		customerId: place.customerId,
		siteId: place.siteId,
		alertKey: ticketAlertKey(body),
		description: [body.message, facts.join('\n')].filter(Boolean).join('\n\n'),
		priority: priorityOf(body.severity),
		queue: place.customerId ? null : triageQueue
	};
}

/** What the link row remembers of the latest occurrence, for the coalesced note. */
export interface Occurrence {
	severity: string;
	title: string;
	message: string | null;
	at: string;
}

/** One note for repeats that arrived since the last one (a storm of 200 is one note, not 200). */
export function repeatNote(repeats: number, total: number, latest: Occurrence): string {
	const times = repeats === 1 ? 'once more' : `${repeats} more times`;
	const head = `The alert came in ${times} (${total} in all), last at ${latest.at}.`;
	const last = `Latest (${latest.severity}): ${latest.title}${latest.message ? `\n${latest.message}` : ''}`;
	return `${head}\n${last}`;
}

/** The note a resolved alert leaves on its ticket. */
export function resolvedNote(body: AlertBody, resolvesTicket: boolean): string {
	const what = resolvesTicket ? 'The source reports the alert resolved; the ticket is resolved.' : 'The source reports the alert resolved. (Resolved alerts leave their ticket open in this company\'s settings.)';
	return [what, body.title, body.message].filter(Boolean).join('\n');
}
