import { dueReminders, type DueReminder } from '#lib/domain/contracts/reminders.js';
import type { Db } from '../db/index.js';
import { sendMail } from '../mail/mailer.js';
import { datedItems, type DatedItem } from '../repositories/contract-dates.js';
import { claimReminder, insertNotifications, membersWithRoles, sentReminderKeys } from '../repositories/notifications.js';
import type { Tenant } from '../repositories/tenants.js';
import { todayIn } from '#lib/domain/today.js';

/** Who hears about notice deadlines and expiring warranties. */
const RECIPIENTS = ['owner', 'admin', 'billing'] as const;

export function itemLink(item: DatedItem): string {
	if (item.kind === 'warranty') return `/customers/${item.customerId}#devices`;
	return item.kind === 'vendor-contract' ? `/stack/contracts/${item.id}` : `/contracts/${item.id}`;
}

function describe(item: DatedItem, due: DueReminder) {
	const whose = item.counterparty ? ` (${item.counterparty})` : '';
	if (item.kind === 'warranty') {
		return {
			title: `Warranty ends ${due.renewal}: ${item.name}${whose}`,
			body: `The warranty of ${item.name}${whose} ends on ${due.renewal}.`
		};
	}
	const renews = item.autoRenew ? `renews on ${due.renewal}` : `ends on ${due.renewal}`;
	return {
		title: `Notice deadline ${due.deadline}: ${item.name}${whose}`,
		body: `${item.name}${whose} ${renews}. To change or cancel it, give notice by ${due.deadline}` + (due.lead > 0 ? ` (${due.lead} days from the reminder date).` : ' (today).')
	};
}

/**
 * Sends the tenant's reminders that are due: an in-app notification and a
 * mail to each owner, admin and billing person. Each reminder is claimed in
 * the database first, so with several nodes scanning it goes out once.
 * Returns how many dated items it looked at, and how many reminders were due
 * and sent by this call.
 */
export async function scanTenant(db: Db, tenant: Pick<Tenant, 'id' | 'timeZone' | 'reminderDays'>, origin: string, now = new Date()) {
	const items = await datedItems(db, tenant.id);
	const byId = new Map(items.map((item) => [item.id, item]));
	const due = dueReminders(items, { reminderDays: tenant.reminderDays }, todayIn(tenant.timeZone, now), await sentReminderKeys(db, tenant.id));
	if (due.length === 0) return { items: items.length, due: 0, sent: 0 };
	const people = await membersWithRoles(db, tenant.id, RECIPIENTS);
	let sent = 0;
	for (const reminder of due) {
		if (!(await claimReminder(db, tenant.id, reminder.key))) continue;
		const item = byId.get(reminder.contractId)!;
		const { title, body } = describe(item, reminder);
		const link = itemLink(item);
		await insertNotifications(db, tenant.id, people.map((p) => ({ userId: p.userId, kind: 'reminder', title, body, link })));
		for (const person of people) await sendMail(db, tenant.id, { to: person.email, subject: title, text: `${body}\n\n${origin}${link}\n` });
		sent++;
	}
	return { items: items.length, due: due.length, sent };
}
