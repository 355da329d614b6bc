import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/app.js';
import { changeWorkflow } from '#lib/domain/ticket/edits.js';
import { signUpTenant } from '../support/client.js';
import { allAcknowledged, openAs } from '../support/sync.js';
import { integrationKey, mail, mailWithFiles, postMail, seedCustomers, ticketRow, ticketRows, ticketThread } from '../support/intake.js';

const server = serverForFile();

/** A tenant with its key and a customer, Acme, whose contact Jane writes in. */
async function acme() {
	const owner = await signUpTenant(server.app.url);
	const key = await integrationKey(owner.client);
	const ids = await seedCustomers(owner, [
		{ name: 'Acme Corp', website: 'https://www.acme.example', contacts: [{ name: 'Jane Doe', email: 'jane@acme.example' }] },
		{ name: 'Globex' }
	]);
	const customer = ids.get('Acme Corp')!;
	return { owner, key, customerId: customer.id, janeId: customer.contacts.get('jane@acme.example')! };
}

let sequence = 0;
const messageId = () => `m${++sequence}-${Date.now()}@mail.example`;

describe('mail into tickets', () => {
	it('make a ticket for the customer of the contact who wrote', async () => {
		const { owner, key, customerId, janeId } = await acme();
		const res = await postMail(server.app.url, key, mail({ from: 'Jane Doe <Jane@Acme.example>', subject: 'Printer on floor 2 jams', messageId: messageId(), body: 'It jams on every page.\r\nThanks, Jane' }));
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({ action: 'created', customerId, contactId: janeId });
		const row = await ticketRow(owner, res.json.ticketId);
		expect(row).toMatchObject({ title: 'Printer on floor 2 jams', source: 'mail', customerId, contactId: janeId, queue: null, status: 'new', createdBy: 'Jane Doe' });
		expect(row.description).toBe('It jams on every page.\nThanks, Jane');
	});

	it('match a sender the customer has no contact for by the domain', async () => {
		const { owner, key, customerId } = await acme();
		const res = await postMail(server.app.url, key, mail({ from: 'new.hire@acme.example', subject: 'Need a laptop', messageId: messageId(), body: 'Hi' }));
		expect(res.json).toMatchObject({ action: 'created', customerId, contactId: null });
		const row = await ticketRow(owner, res.json.ticketId);
		expect(row.description).toBe('From: new.hire@acme.example\n\nHi');
	});

	it('take in an out-of-office reply as nothing: no ticket, no note, no loop', async () => {
		const { owner, key } = await acme();
		const res = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: 'Out of office: Re: [T-1] Printer', messageId: messageId(), body: 'Back on Monday.', extra: ['Auto-Submitted: auto-replied'] }));
		expect(res.status).toBe(202);
		expect(res.json).toMatchObject({ action: 'ignored', ticketId: null });
		expect(await ticketRows(owner)).toEqual([]);
	});

	it('put a mail from an unknown sender in triage', async () => {
		const { owner, key } = await acme();
		const res = await postMail(server.app.url, key, mail({ from: 'Stranger <someone@gmail.com>', subject: 'Hello?', messageId: messageId(), body: 'Who do I ask?' }));
		expect(res.status).toBe(201);
		expect(await ticketRow(owner, res.json.ticketId)).toMatchObject({ customerId: null, contactId: null, queue: 'triage', source: 'mail' });
	});

	it('thread a reply with the ticket number in its subject onto that ticket as a public note', async () => {
		const { owner, key } = await acme();
		const first = await postMail(server.app.url, key, mail({ from: 'Jane Doe <jane@acme.example>', subject: 'VPN drops', messageId: messageId(), body: 'Every hour.' }));
		const { number } = await ticketRow(owner, first.json.ticketId, (t) => t.number !== null, 'the number');
		const reply = await postMail(
			server.app.url,
			key,
			mail({ from: 'Jane Doe <jane@acme.example>', subject: `RE: [T-${number}] VPN drops`, messageId: messageId(), body: 'It dropped again at 10:05.\r\n\r\nOn Tue, 1 Dec 2026, Help Desk <help@msp.example> wrote:\r\n> Does it drop every hour?' })
		);
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({ action: 'threaded', ticketId: first.json.ticketId, visibility: 'public' });
		const { notes } = await ticketThread(owner, first.json.ticketId);
		expect(notes).toEqual([expect.objectContaining({ id: reply.json.noteId, body: 'It dropped again at 10:05.', visibility: 'public', origin: 'mail', by: 'Jane Doe' })]);
		// "Re:" alone, answering no mail we know, is a new thread
		const unthreaded = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: 'Re: VPN drops', messageId: messageId(), inReplyTo: 'unknown@elsewhere.example', body: 'And again.' }));
		expect(unthreaded.json.action).toBe('created');
		expect((await ticketRow(owner, unthreaded.json.ticketId)).title).toBe('VPN drops');
		// a reply to a ticket from an address not known for its customer is kept internal
		const stranger = await postMail(server.app.url, key, mail({ from: 'mallory@evil.example', subject: `Re: T-${number}`, messageId: messageId(), body: 'Click here' }));
		expect(stranger.json).toMatchObject({ action: 'threaded', visibility: 'internal' });
		const after = await ticketThread(owner, first.json.ticketId);
		expect(after.notes.find((n) => n.id === stranger.json.noteId)).toMatchObject({ visibility: 'internal', body: expect.stringContaining('Kept internal') });
	});

	it('keep a mail\'s files on its ticket, and name the ones refused', async () => {
		const { owner, key } = await acme();
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		const raw = mailWithFiles({ from: 'jane@acme.example', subject: 'Invoice question', messageId: messageId(), body: 'See attached.' }, [
			{ name: 'invoice.pdf', type: 'application/pdf', bytes: pdf },
			{ name: 'setup.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ not a document') }
		]);
		const res = await postMail(server.app.url, key, raw);
		expect(res.status).toBe(201);
		await ticketRow(owner, res.json.ticketId);
		const { files, description } = await ticketThread(owner, res.json.ticketId);
		expect(files).toEqual([expect.objectContaining({ name: 'invoice.pdf', mime: 'application/pdf', size: pdf.length, uploadedBy: null })]);
		expect(description).toContain('Not kept from this mail: setup.exe');
		const download = await owner.client.get(`/api/v1/files/${files[0].fileId}`);
		expect(download.status).toBe(200);
		expect(download.text).toBe(pdf.toString());
	});

	it('work a resolved ticket again when its customer answers', async () => {
		const { owner, key } = await acme();
		const first = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: 'Scanner offline', messageId: messageId(), body: 'Since this morning.' }));
		const { number } = await ticketRow(owner, first.json.ticketId, (t) => t.number !== null, 'the number');
		const open = await openAs(owner.client, `${owner.tenantId}:ticket:${first.json.ticketId}`);
		changeWorkflow(open.doc, { status: 'resolved' }, { by: 'Dana' });
		await allAcknowledged(open.provider);
		open.close();
		await ticketRow(owner, first.json.ticketId, (t) => t.status === 'resolved', 'resolved');
		await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: `Re: [T-${number}] Scanner offline`, messageId: messageId(), body: 'Still offline, sorry.' }));
		await ticketRow(owner, first.json.ticketId, (t) => t.status === 'in-progress', 'worked on again');
	});

	it('thread a reply by In-Reply-To onto the ticket its first mail made', async () => {
		const { owner, key } = await acme();
		const firstId = messageId();
		const first = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: 'Scanner offline', messageId: firstId, body: 'Since Monday.' }));
		const reply = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: 'Re: Scanner offline', messageId: messageId(), inReplyTo: firstId, body: 'Now it is back.' }));
		expect(reply.json).toMatchObject({ action: 'threaded', ticketId: first.json.ticketId, visibility: 'public' });
		await ticketRow(owner, first.json.ticketId);
		expect((await ticketRows(owner)).filter((t) => t.source === 'mail')).toHaveLength(1);
	});

	it('never lets HTML or script in a mail reach the ticket as markup', async () => {
		const { owner, key } = await acme();
		const html = '<html><head><style>body{display:none}</style><script>alert("head")</script></head><body><p>Hello <b>team</b>,</p><script>fetch("/steal")</script><img src="x" onerror="alert(1)"><p onclick="evil()">the <a href="https://status.acme.example">status page</a> is red.</p></body></html>';
		const res = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: '<script>alert("subject")</script>Status red', messageId: messageId(), html }));
		const row = await ticketRow(owner, res.json.ticketId);
		expect(row.description).toBe('Hello team,\n\nthe status page [https://status.acme.example] is red.');
		const { number } = await ticketRow(owner, res.json.ticketId, (t) => t.number !== null, 'the number');
		const reply = await postMail(server.app.url, key, mail({ from: 'jane@acme.example', subject: `Re: T-${number}`, messageId: messageId(), html: '<div>Fixed <script>document.cookie</script><style>.x{}</style><iframe src="https://evil.example"></iframe>now</div>' }));
		const { notes } = await ticketThread(owner, res.json.ticketId);
		const note = notes.find((n) => n.id === reply.json.noteId)!;
		expect(note.body).toBe('Fixed now');
		for (const text of [row.description, note.body]) expect(text).not.toMatch(/<[a-z!/]|cookie|steal|alert\(|onerror|onclick|display:none/i);
	});

	it('make one ticket of the same mail delivered twice, even at once', async () => {
		const { owner, key } = await acme();
		const raw = mail({ from: 'jane@acme.example', subject: 'Delivered twice', messageId: messageId(), body: 'Once, please.' });
		const answers = await Promise.all([postMail(server.app.url, key, raw), postMail(server.app.url, key, raw), postMail(server.app.url, key, raw)]);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
		expect(new Set(answers.map((a) => a.json.ticketId)).size).toBe(1);
		const later = await postMail(server.app.url, key, raw);
		expect(later.json).toMatchObject({ action: 'duplicate', ticketId: answers[0].json.ticketId });
		// a message without a Message-ID is known by its content
		const bare = mail({ from: 'jane@acme.example', subject: 'No id', body: 'x' });
		const [a, b] = [await postMail(server.app.url, key, bare), await postMail(server.app.url, key, bare)];
		expect([a.status, b.status, b.json.ticketId]).toEqual([201, 200, a.json.ticketId]);
		await ticketRow(owner, a.json.ticketId);
		await ticketRow(owner, answers[0].json.ticketId);
		expect((await ticketRows(owner)).filter((t) => t.source === 'mail')).toHaveLength(2);
	});

	it('refuse an oversized mail with 413, a wrong key with 401, and a body that is not mail with 400', async () => {
		const { owner, key } = await acme();
		const huge = mail({ from: 'jane@acme.example', subject: 'Big', messageId: messageId(), body: 'x'.repeat(10 * 1024 * 1024 + 10) });
		const big = await postMail(server.app.url, key, huge);
		expect([big.status, big.json.error.code]).toEqual([413, 'payload_too_large']);
		const wrong = await postMail(server.app.url, 'sdk_' + 'b'.repeat(32), mail({ from: 'jane@acme.example', subject: 'Hi', body: 'x' }));
		expect([wrong.status, wrong.json.error.code]).toEqual([401, 'invalid_key']);
		const noSender = await postMail(server.app.url, key, 'Subject: no sender\r\n\r\nbody\r\n');
		expect([noSender.status, Object.keys(noSender.json.error.fields ?? {})]).toEqual([400, ['from']]);
		expect(await ticketRows(owner)).toEqual([]);
	});
});
