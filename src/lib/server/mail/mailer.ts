import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { insertMail, type MailStatus } from '../repositories/mail.js';

export interface Message {
	to: string;
	subject: string;
	text: string;
	/** files sent with it (an invoice's PDF); the outbox lists the message, the .eml or SMTP carries them */
	attachments?: { filename: string; content: Uint8Array; contentType: string }[];
}

let smtp: ReturnType<typeof nodemailer.createTransport> | undefined;
// builds the RFC 822 text without sending it, for DATA_DIR/mail/
const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/**
 * Sends through SMTP_URL when it is set; otherwise writes the message to
 * DATA_DIR/mail/. Either way the tenant's outbox page lists it, with what happened.
 * A failed delivery is recorded, never thrown: mail must not undo the action that sent it.
 */
export async function sendMail(db: Db, tenantId: string, message: Message): Promise<MailStatus> {
	const { smtpUrl, mailFrom, dataDir } = config();
	const id = uuidv7();
	// every mail Stackdesk sends is machine-made: RFC 3834 asks auto-responders not to answer it (no mail loops)
	const attachments = message.attachments?.map((a) => ({ ...a, content: Buffer.from(a.content) }));
	const envelope = { from: mailFrom, ...message, attachments, headers: { 'Auto-Submitted': 'auto-generated' } };
	let status: MailStatus;
	let error: string | undefined;
	try {
		if (smtpUrl) {
			smtp ??= nodemailer.createTransport(smtpUrl);
			await smtp.sendMail(envelope);
			status = 'sent';
		} else {
			const built = await writer.sendMail(envelope);
			const dir = path.join(dataDir, 'mail');
			await mkdir(dir, { recursive: true });
			await writeFile(path.join(dir, `${id}.eml`), built.message as Buffer);
			status = 'written';
		}
	} catch (cause) {
		status = 'failed';
		error = cause instanceof Error ? cause.message : String(cause);
		console.error(`mail to ${message.to} failed: ${error}`);
	}
	await insertMail(db, { tenantId, id, to: message.to, subject: message.subject, text: message.text, status, error });
	return status;
}
