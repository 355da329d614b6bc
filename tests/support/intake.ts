import { addRecord, createCustomer, newId, updateCustomer } from '#lib/domain/customer/edits.js';
import { projectTicket } from '#lib/domain/ticket/projection.js';
import type { ApiClient } from './client.js';
import { readAllRows } from './feed.js';
import { allAcknowledged, eventually, openAs } from './sync.js';

/** What the intake endpoints answer: status and JSON. */
export interface Answer {
	status: number;
	json: any;
	headers: Headers;
}

/** The tenant's integration key, made through the API as an owner would on Settings → Integrations. */
export async function integrationKey(owner: ApiClient): Promise<string> {
	const res = await owner.post('/api/v1/integrations/key');
	if (res.status !== 201) throw new Error(`key: ${res.status} ${res.text}`);
	return res.json.key;
}

async function send(base: string, path: string, key: string | null, body: BodyInit, type: string): Promise<Answer> {
	const headers: Record<string, string> = { 'content-type': type };
	if (key !== null) headers.authorization = `Bearer ${key}`;
	// a monitoring tool or mail gateway: no cookie, no Origin
	const res = await fetch(base + path, { method: 'POST', headers, body });
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = { text };
	}
	return { status: res.status, json, headers: res.headers };
}

export const postAlert = (base: string, key: string | null, body: unknown) =>
	send(base, '/api/v1/alerts', key, typeof body === 'string' ? body : JSON.stringify(body), 'application/json');

export const postMail = (base: string, key: string | null, raw: string | Uint8Array) =>
	send(base, '/api/v1/inbound-mail', key, typeof raw === 'string' ? raw : new Blob([raw as Uint8Array<ArrayBuffer>]), 'message/rfc822');

export interface CustomerSeed {
	name: string;
	website?: string;
	contacts?: { name: string; email: string }[];
	devices?: { name: string }[];
}

/** Customers made the way the app makes them (documents over the websocket), once projected; their ids by name. */
export async function seedCustomers(owner: { client: ApiClient; tenantId: string }, seeds: CustomerSeed[]) {
	const ids = new Map<string, { id: string; contacts: Map<string, string> }>();
	for (const seed of seeds) {
		const id = newId();
		const open = await openAs(owner.client, `${owner.tenantId}:customer:${id}`);
		createCustomer(open.doc, id, { name: seed.name });
		if (seed.website) updateCustomer(open.doc, { website: seed.website }, true);
		const contacts = new Map<string, string>();
		for (const c of seed.contacts ?? []) contacts.set(c.email, addRecord(open.doc, 'contacts', { name: c.name, email: c.email, portalAccess: 'none' }));
		for (const d of seed.devices ?? []) addRecord(open.doc, 'devices', { name: d.name, type: 'server' });
		await allAcknowledged(open.provider);
		open.close();
		ids.set(seed.name, { id, contacts });
	}
	await eventually(async () => ((await readAllRows(owner.client)).customers ?? []).length >= seeds.length, 20_000, 'the customers projected');
	return ids;
}

/** A plain mail message as a gateway delivers it (CRLF line ends). */
export function mail(fields: { from: string; subject: string; messageId?: string; inReplyTo?: string; body?: string; html?: string; to?: string; extra?: string[] }): string {
	const headers = [
		...(fields.extra ?? []),
		`From: ${fields.from}`,
		`To: ${fields.to ?? 'help@msp.example'}`,
		`Subject: ${fields.subject}`,
		`Date: Tue, 01 Dec 2026 09:00:00 +0000`,
		...(fields.messageId ? [`Message-ID: <${fields.messageId}>`] : []),
		...(fields.inReplyTo ? [`In-Reply-To: <${fields.inReplyTo}>`, `References: <${fields.inReplyTo}>`] : []),
		'MIME-Version: 1.0'
	];
	if (fields.html) {
		return [...headers, 'Content-Type: text/html; charset=utf-8', '', fields.html, ''].join('\r\n');
	}
	return [...headers, 'Content-Type: text/plain; charset=utf-8', '', fields.body ?? '', ''].join('\r\n');
}

type Owner = { client: ApiClient; tenantId: string };

/** The tenant's ticket rows as the browsers' feed has them. */
export const ticketRows = async (owner: Owner) => (await readAllRows(owner.client)).tickets ?? [];

/** The ticket row, once the materializer has projected it as `ready` wants. */
export const ticketRow = (owner: Owner, id: string, ready: (row: Record<string, any>) => boolean = () => true, what = 'the ticket row') =>
	eventually(async () => (await ticketRows(owner)).find((t) => t.id === id && ready(t)), 20_000, what);

/** The ticket's notes and description as its stored document holds them (notes stay out of the browsers' feed). */
export async function ticketThread(owner: Owner, ticketId: string) {
	const name = `${owner.tenantId}:ticket:${ticketId}`;
	const open = await openAs(owner.client, name);
	try {
		const files = [...open.doc.getMap<{ toJSON(): Record<string, unknown> }>('attachments').values()].map((a) => a.toJSON());
		return { notes: projectTicket(name, open.doc).ticketNotes, description: open.doc.getText('description').toString(), files };
	} finally {
		open.close();
	}
}

/** A mail with files attached (multipart/mixed): a text part, then each file as base64. */
export function mailWithFiles(fields: { from: string; subject: string; messageId: string; body: string }, files: { name: string; type: string; bytes: Buffer }[]): string {
	const boundary = 'b-' + Math.random().toString(36).slice(2);
	const parts = [
		[`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', fields.body],
		...files.map((f) => [`--${boundary}`, `Content-Type: ${f.type}; name="${f.name}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${f.name}"`, '', f.bytes.toString('base64')])
	];
	return [
		`From: ${fields.from}`, 'To: help@msp.example', `Subject: ${fields.subject}`, `Message-ID: <${fields.messageId}>`, 'MIME-Version: 1.0',
		`Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts.flat(), `--${boundary}--`, ''
	].join('\r\n');
}
