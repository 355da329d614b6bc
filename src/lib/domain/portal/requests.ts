import { z } from 'zod';
import { id } from '../documents/fields.js';

/**
 * What a customer's contact does with tickets in the portal: submits a request
 * of a type the MSP offers, answering the follow-up questions the tenant set
 * for that type, and replies on their company's tickets. The server makes the
 * ticket and the notes on the contact's behalf; the portal writes no document.
 */

/** A request type as the portal offers it. */
export interface PortalRequestType {
	id: string;
	name: string;
	questions: string[];
}

/** A ticket type's questions, one per line, blank lines left out. */
export function typeQuestions(text: string | null): string[] {
	return (text ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

export const requestInput = z.strictObject({
	typeId: id,
	title: z.string().trim().min(1, 'Say in a few words what you need.').max(300, 'Use at most 300 characters.'),
	description: z.string().trim().max(20_000, 'Use at most 20,000 characters.').optional(),
	/** the answers to the type's questions, in the order they were asked */
	answers: z.array(z.string().trim().max(4000, 'Use at most 4,000 characters per answer.')).max(50).default([])
});
export type RequestInput = z.infer<typeof requestInput>;

export const replyInput = z.strictObject({
	body: z.string().trim().min(1, 'Write your reply.').max(20_000, 'Use at most 20,000 characters.')
});

/** Each answer under its question, as the ticket keeps them ("Question: answer" lines); a missing answer is an error naming it. */
export function answersText(type: PortalRequestType, answers: readonly string[]): { text: string | null } | { missing: string[] } {
	const missing = type.questions.filter((_, i) => !answers[i]?.trim());
	if (missing.length > 0) return { missing };
	if (type.questions.length === 0) return { text: null };
	return { text: type.questions.map((question, i) => `${question}: ${answers[i].trim().replace(/\s*\n\s*/g, ' ')}`).join('\n') };
}

/** The form a portal page posts (typeId, title, description, answer-0, answer-1 …) as a request. */
export function requestFromForm(form: Record<string, string>): unknown {
	const answers = Object.keys(form)
		.filter((key) => /^answer-\d+$/.test(key))
		.sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)))
		.map((key) => form[key]);
	return { typeId: form.typeId ?? '', title: form.title ?? '', description: form.description || undefined, answers };
}

/** A ticket of the company as the portal lists it; never internal notes, alert keys or who on staff made it. */
export interface PortalTicket {
	id: string;
	number: number | null;
	title: string;
	type: string | null;
	source: string;
	status: string | null;
	priority: string | null;
	createdAt: string;
	lastActivityAt: string | null;
}

export interface PortalTicketNote {
	id: string;
	body: string;
	by: string | null;
	/** 'staff', 'contact', 'mail' */
	origin: string;
	at: string | null;
}

export interface PortalTicketDetail extends PortalTicket {
	description: string | null;
	answers: string | null;
	notes: PortalTicketNote[];
}
