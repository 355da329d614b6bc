import { invoiceMail, reminderDue, reminderMail } from '#lib/domain/billing/invoice-mail.js';
import type { Invoice, InvoiceIssuer } from '#lib/domain/billing/invoice.js';
import { formatMoney } from '#lib/sync/contracts/inputs.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { sendMail } from '../mail/mailer.js';
import { appendAudit } from '../repositories/audit.js';
import { claimReminder, overdueInvoices } from '../repositories/invoice-reminders.js';
import { markSent, readInvoices } from '../repositories/invoices.js';
import { invoiceIssuer } from './billing-settings.js';
import { invoicePdf } from './invoice-pdf.js';

/**
 * Invoices by mail, each with its PDF: sending marks them sent; overdue ones
 * are reminded of weekly by the reminder scan. With no SMTP server the mails
 * land in the outbox (decision 004); one without a bill-to address is skipped
 * and said so.
 */

function mailOf(issuer: InvoiceIssuer, invoice: Invoice, message: { subject: string; text: string }) {
	return { to: invoice.billTo.email!, ...message, attachments: [{ filename: `${invoice.number}.pdf`, content: invoicePdf(issuer, invoice), contentType: 'application/pdf' }] };
}

export async function sendInvoices(db: Db, actor: Identity, ids: string[]): Promise<{ sent: number; failed: string[]; noAddress: string[] }> {
	const [issuer, invoices] = await Promise.all([invoiceIssuer(db, actor.tenantId), readInvoices(db, actor.tenantId, { ids })]);
	const result = { sent: 0, failed: [] as string[], noAddress: [] as string[] };
	const sent: string[] = [];
	for (const invoice of invoices.filter((i) => i.status !== 'void')) {
		if (!invoice.billTo.email) {
			result.noAddress.push(invoice.number);
			continue;
		}
		const money = (minor: number) => formatMoney(minor, invoice.currency);
		const status = await sendMail(db, actor.tenantId, mailOf(issuer, invoice, invoiceMail(invoice, issuer.name, money)));
		if (status === 'failed') result.failed.push(invoice.number);
		else sent.push(invoice.id);
	}
	await markSent(db, actor.tenantId, sent);
	result.sent = sent.length;
	await appendAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.invoices.send', data: result });
	return result;
}

/** Sends today's overdue reminders of a tenant; safe on every node at once (each is claimed first). */
export async function remindOverdue(db: Db, tenantId: string, today: string): Promise<number> {
	const due = (await overdueInvoices(db, tenantId, today)).filter((i) => reminderDue(i.dueOn, today, i.lastSent));
	if (due.length === 0) return 0;
	const [issuer, invoices] = await Promise.all([invoiceIssuer(db, tenantId), readInvoices(db, tenantId, { ids: due.map((i) => i.id) })]);
	let sent = 0;
	for (const invoice of invoices) {
		if (!invoice.billTo.email || !(await claimReminder(db, tenantId, invoice.id, today))) continue;
		await sendMail(db, tenantId, mailOf(issuer, invoice, reminderMail(invoice, issuer.name, (m) => formatMoney(m, invoice.currency), today)));
		sent++;
	}
	return sent;
}
