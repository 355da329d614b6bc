import type { Invoice } from './invoice.js';

/**
 * The mails an invoice goes out with: the invoice itself when it is sent,
 * and a reminder once it is overdue — again every week it stays unpaid, never
 * more often. Plain text; the PDF is attached.
 */

export const REMINDER_EVERY_DAYS = 7;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Whether an unpaid invoice due on `dueOn` gets a reminder `today`, its last having gone out on `lastSent`. */
export function reminderDue(dueOn: string, today: string, lastSent: string | null): boolean {
	if (today <= dueOn) return false;
	return lastSent === null || daysBetween(lastSent, today) >= REMINDER_EVERY_DAYS;
}

type Money = (minor: number) => string;

export function invoiceMail(invoice: Invoice, from: string, money: Money) {
	const kind = invoice.creditOf ? 'Credit note' : 'Invoice';
	const due = invoice.creditOf ? `It credits invoice ${invoice.creditOf}.` : `It is due on ${invoice.dueOn} (${invoice.terms}).`;
	return {
		subject: `${kind} ${invoice.number} from ${from}: ${money(invoice.tax.total)}`,
		text: `Hello ${invoice.billTo.name},\n\nPlease find attached ${kind.toLowerCase()} ${invoice.number} for ${invoice.periodStart} to ${invoice.periodEnd}, ${money(invoice.tax.total)}. ${due}\n\nThank you,\n${from}\n`
	};
}

export function reminderMail(invoice: Invoice, from: string, money: Money, today: string) {
	const balance = invoice.tax.total - invoice.paid - invoice.credited;
	const late = daysBetween(invoice.dueOn, today);
	return {
		subject: `Overdue: invoice ${invoice.number} from ${from}, ${money(balance)}`,
		text: `Hello ${invoice.billTo.name},\n\nInvoice ${invoice.number} was due on ${invoice.dueOn}, ${late} ${late === 1 ? 'day' : 'days'} ago, and ${money(balance)} of it is still open. The invoice is attached again. If you have paid it already, thank you, and please ignore this reminder.\n\n${from}\n`
	};
}
