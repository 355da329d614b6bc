import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertRecord, setEntity } from '#lib/domain/documents/shape.js';
import { serverForFile } from '../support/app.js';
import { addMember, ApiClient, signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c90000000049454e44ae426082', 'hex');

async function put(client: ApiClient, id: string, name: string, body: Uint8Array | ReadableStream, headers: Record<string, string> = {}) {
	const res = await fetch(`${client.base}/api/v1/files/${id}?name=${encodeURIComponent(name)}`, {
		method: 'PUT',
		headers: { origin: client.base, cookie: client.cookie, 'content-type': 'application/octet-stream', ...headers },
		body: body as BodyInit,
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);
	return { status: res.status, json: await res.json().catch(() => null) };
}

const invite = async (owner: Awaited<ReturnType<typeof signUpTenant>>, role: string) => (await addMember(owner, server.app.url, role)).client;

describe('contract documents', () => {
	it('stores an upload once, serves it back to staff, and refuses other bytes under its id', async () => {
		const owner = await signUpTenant(server.app.url);
		const id = crypto.randomUUID();
		expect((await put(owner.client, id, 'MSA 2026.pdf', PDF)).status).toBe(201);
		expect((await put(owner.client, id, 'MSA 2026.pdf', PDF)).status).toBe(200); // an offline queue retrying
		expect((await put(owner.client, id, 'MSA 2026.pdf', Buffer.concat([PDF, Buffer.from('x')]))).json.error.code).toBe('file_exists');

		const res = await fetch(`${server.app.url}/api/v1/files/${id}`, { headers: { cookie: owner.client.cookie } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''MSA%202026.pdf");
		expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);

		// a technician reads contract documents, and uploads files too (a photo for a ticket)
		const tech = await invite(owner, 'technician');
		expect((await tech.get(`/api/v1/files/${id}`)).status).toBe(200);
		expect((await put(tech, crypto.randomUUID(), 'x.pdf', PDF)).status).toBe(201);
		// another tenant does not even learn the file exists
		const other = await signUpTenant(server.app.url);
		expect((await other.client.get(`/api/v1/files/${id}`)).status).toBe(404);
	});

	it('refuses oversized uploads, wrong content and unknown types, storing nothing', async () => {
		const owner = await signUpTenant(server.app.url);
		const big = crypto.randomUUID();
		const declared = await put(owner.client, big, 'scan.pdf', PDF, { 'content-length': String(26 * 1024 * 1024) }).catch(() => ({ status: 413 }));
		expect(declared.status).toBe(413);
		// no length declared: the server counts while the body streams and stops at the cap
		const chunk = Buffer.alloc(1024 * 1024, 0x20);
		let sent = 0;
		const stream = new ReadableStream({
			pull(controller) {
				if (sent === 0) controller.enqueue(PDF);
				if (sent > 26) return controller.close();
				sent++;
				controller.enqueue(chunk);
			}
		});
		// (the server answers 413 mid-stream; a client still sending may see the connection reset instead)
		const streamed = await put(owner.client, big, 'scan.pdf', stream).catch((error) => ({ status: error.cause?.code }));
		expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed.status);
		expect((await owner.client.get(`/api/v1/files/${big}`)).status).toBe(404);
		// not even a partial temporary file is left behind
		const dir = path.join(server.app.database.env.DATA_DIR, 'files', owner.tenantId);
		await eventually(async () => (await readdir(dir).catch(() => [])).length === 0, 5000, 'no leftovers');

		const cases: [string, Buffer, string][] = [
			['contract.pdf', PNG, 'content_mismatch'],
			['notes.pdf', Buffer.from('<script>alert(1)</script>'), 'content_mismatch'],
			['photo.png', PDF, 'content_mismatch'],
			['notes.txt', PNG, 'content_mismatch'],
			['setup.exe', Buffer.from('MZ\x90\x00'), 'unsupported_file_type']
		];
		for (const [name, body, code] of cases) {
			const res = await put(owner.client, crypto.randomUUID(), name, body);
			expect([res.status, res.json?.error?.code], name).toEqual([415, code]);
		}
		expect((await put(owner.client, crypto.randomUUID(), 'notes.txt', Buffer.from('Renewal call with Ann — 3 May'))).status).toBe(201);
		expect((await put(owner.client, 'not-a-uuid', 'a.pdf', PDF)).status).toBe(404);
	});

	it('lets a portal user download only documents of their own company\'s contracts', async () => {
		const owner = await signUpTenant(server.app.url);
		const [mine, theirs] = [crypto.randomUUID(), crypto.randomUUID()];
		await put(owner.client, mine, 'contoso-msa.pdf', PDF);
		await put(owner.client, theirs, 'fabrikam-msa.pdf', PDF);
		const customer = await openAs(owner.client, `${owner.tenantId}:customer:c1`);
		setEntity(customer.doc, 'customer', { id: 'c1', name: 'Contoso', status: 'active' });
		upsertRecord(customer.doc, 'contacts', 'p1', { name: 'Ann', email: 'ann@contoso.example', portalAccess: 'view' });
		const contracts = await openAs(owner.client, `${owner.tenantId}:contracts`);
		upsertRecord(contracts.doc, 'customerContracts', 'k1', { customerId: 'c1', name: 'Contoso MSA', party: 'msp', type: 'recurring' });
		upsertRecord(contracts.doc, 'customerContracts', 'k2', { customerId: 'c2', name: 'Fabrikam MSA', party: 'msp', type: 'recurring' });
		upsertRecord(contracts.doc, 'attachments', 'a1', { contractId: 'k1', fileId: mine, name: 'contoso-msa.pdf', size: PDF.length, mime: 'application/pdf' });
		upsertRecord(contracts.doc, 'attachments', 'a2', { contractId: 'k2', fileId: theirs, name: 'fabrikam-msa.pdf', size: PDF.length, mime: 'application/pdf' });
		await Promise.all([allAcknowledged(customer.provider), allAcknowledged(contracts.provider)]);
		await eventually(async () => (await readAllRows(owner.client)).attachments?.length === 2 && (await readAllRows(owner.client)).contacts.length === 1, 10_000, 'rows');

		const invited = await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'p1' });
		const portal = new ApiClient(server.app.url);
		await portal.post('/api/v1/portal/invitations/accept', { token: invited.json.invitation.acceptUrl.split('/portal/invite/')[1], password: 'portal password 1' });
		const me = await portal.get('/api/v1/portal/me');
		expect(me.json.contracts).toEqual([expect.objectContaining({ name: 'Contoso MSA', attachments: [expect.objectContaining({ fileId: mine })] })]);
		expect(me.text).not.toContain('Fabrikam');

		expect((await portal.get(`/api/v1/portal/files/${mine}`)).status).toBe(200);
		expect((await portal.get(`/api/v1/portal/files/${theirs}`)).status).toBe(404);
		expect((await portal.get(`/api/v1/files/${mine}`)).status).toBe(403);
		customer.close();
		contracts.close();
	});
});
