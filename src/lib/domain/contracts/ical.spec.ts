import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { renewalEvents, type FeedItem } from './feed-events.js';
import { calendarFeed } from './ical.js';

const STAMP = '2026-01-01T09:00:00.000Z';

const items: FeedItem[] = [
	{
		contract: { id: 'k1', name: 'Microsoft 365, E3; annual', start: '2024-02-29', termMonths: 12, renewalDate: null, autoRenew: true, noticeDays: 365 },
		counterparty: 'Acme Ltd',
		url: 'https://psa.example/contracts/k1'
	},
	{
		contract: { id: 'k2', name: 'Firewall support', start: null, termMonths: null, renewalDate: '2026-06-30', autoRenew: false, noticeDays: 0 },
		counterparty: 'Fortinet'
	}
];

function parsedFeed(today = '2027-03-01') {
	const text = calendarFeed({ calendarName: 'Contract renewals', events: renewalEvents(items, today), stamp: STAMP });
	return new ICAL.Component(ICAL.parse(text));
}

const byUid = (calendar: ICAL.Component) =>
	new Map(calendar.getAllSubcomponents('vevent').map((event) => [String(event.getFirstPropertyValue('uid')), event]));

describe('calendarFeed', () => {
	const zone = process.env.TZ;
	afterEach(() => {
		process.env.TZ = zone;
	});

	it('holds one all-day event per renewal and notice deadline, with stable UIDs', () => {
		const events = byUid(parsedFeed());
		expect([...events.keys()].sort()).toEqual([
			'k1-notice-2027-03-01@stackdesk',
			'k1-notice-2028-02-29@stackdesk',
			'k1-renewal-2028-02-29@stackdesk',
			'k1-renewal-2029-02-28@stackdesk',
			'k2-renewal-2026-06-30@stackdesk'
		]);
		for (const [uid, event] of events) {
			const start = event.getFirstProperty('dtstart')!;
			expect(start.type, uid).toBe('date');
			expect(uid).toContain(String(start.getFirstValue()));
		}
	});

	it('keeps summaries, descriptions and URLs intact through escaping', () => {
		const deadline = byUid(parsedFeed()).get('k1-notice-2028-02-29@stackdesk')!;
		expect(deadline.getFirstPropertyValue('summary')).toBe('Notice deadline: Microsoft 365, E3; annual (Acme Ltd)');
		expect(deadline.getFirstPropertyValue('description')).toBe('Last day to give notice (365 days) before the renewal on 2029-02-28.');
		expect(deadline.getFirstPropertyValue('url')).toBe('https://psa.example/contracts/k1');
		expect(byUid(parsedFeed()).get('k2-renewal-2026-06-30@stackdesk')!.getFirstProperty('url')).toBeNull();
	});

	it('sets a display alarm a day before each notice deadline, and none on renewals', () => {
		for (const [uid, event] of byUid(parsedFeed())) {
			const alarms = event.getAllSubcomponents('valarm');
			if (!uid.includes('-notice-')) {
				expect(alarms, uid).toHaveLength(0);
				continue;
			}
			expect(alarms, uid).toHaveLength(1);
			expect(alarms[0].getFirstPropertyValue('action')).toBe('DISPLAY');
			expect(String(alarms[0].getFirstPropertyValue('trigger'))).toBe('-P1D');
		}
	});

	it('writes the same dates whatever time zone the server runs in', () => {
		const feeds = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'].map((tz) => {
			process.env.TZ = tz;
			return calendarFeed({ calendarName: 'Renewals', events: renewalEvents(items, '2026-01-01'), stamp: STAMP });
		});
		expect(new Set(feeds).size).toBe(1);
		expect(feeds[0]).toContain('DTSTART;VALUE=DATE:20270228');
	});
});
