import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverForFile, startApp, type RunningApp } from '../support/app.js';
import { signUpTenant } from '../support/client.js';

const server = serverForFile();

describe('mail without SMTP_URL', () => {
	it('writes the invitation to DATA_DIR/mail as an RFC 822 message', async () => {
		const owner = await signUpTenant(server.app.url);
		const res = await owner.client.post('/api/v1/invitations', { email: 'written@example.test', role: 'billing' });
		const dir = path.join(server.app.database.env.DATA_DIR, 'mail');
		const files = await readdir(dir);
		expect(files).toHaveLength(1);
		const eml = await readFile(path.join(dir, files[0]), 'utf8');
		expect(eml).toMatch(/^To: written@example\.test$/m);
		expect(eml).toMatch(/^Subject: .*invited you to/m);
		expect(eml.replace(/=\r?\n/g, '')).toContain(res.json.invitation.acceptUrl.split('/invite/')[1]);
	});
});

describe('mail through SMTP_URL', () => {
	const received: { to: string[]; data: string }[] = [];
	let smtp: SMTPServer;
	let app: RunningApp;

	beforeAll(async () => {
		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData(stream, session, callback) {
				let data = '';
				stream.on('data', (chunk) => (data += chunk));
				stream.on('end', () => {
					received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		const port = (smtp.server.address() as { port: number }).port;
		app = await startApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
	});
	afterAll(async () => {
		await app?.stop();
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
	});

	it('delivers the invitation to the SMTP server', async () => {
		const owner = await signUpTenant(app.url);
		await owner.client.post('/api/v1/invitations', { email: 'smtp@example.test', role: 'dispatcher' });
		expect(received.map((m) => m.to)).toEqual([['smtp@example.test']]);
		expect(received[0].data).toMatch(/invited you to/);
	});
});
