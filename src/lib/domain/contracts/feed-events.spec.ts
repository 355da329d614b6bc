import { describe, expect, it } from 'vitest';
import { renewalEvents, type FeedContract, type FeedItem } from './feed-events.js';

function item(fields: Partial<FeedContract>, counterparty: string | null = 'Acme Ltd', url?: string): FeedItem {
	const contract = { id: 'k1', name: 'Microsoft 365', start: null, termMonths: null, renewalDate: null, autoRenew: false, noticeDays: null, ...fields };
	return { contract, counterparty, url };
}

describe('renewalEvents', () => {
	it('gives a fixed-term contract its renewal and notice deadline', () => {
		const events = renewalEvents([item({ renewalDate: '2026-12-31', noticeDays: 90 }, 'Acme Ltd', 'https://psa.example/contracts/k1')], '2026-01-01');
		expect(events).toEqual([
			{
				uid: 'k1-renewal-2026-12-31@stackdesk',
				date: '2026-12-31',
				summary: 'Renewal: Microsoft 365 (Acme Ltd)',
				description: 'The term ends; the contract does not renew automatically.',
				url: 'https://psa.example/contracts/k1'
			},
			{
				uid: 'k1-notice-2026-10-02@stackdesk',
				date: '2026-10-02',
				summary: 'Notice deadline: Microsoft 365 (Acme Ltd)',
				description: 'Last day to give notice (90 days) before the renewal on 2026-12-31.',
				url: 'https://psa.example/contracts/k1',
				alarm: true
			}
		]);
	});

	it('adds the following renewal of an auto-renewing contract, from its rolled-forward cycle', () => {
		const events = renewalEvents([item({ start: '2024-01-31', termMonths: 1, autoRenew: true, noticeDays: 1 })], '2024-03-05');
		expect(events.map((event) => [event.date, event.summary])).toEqual([
			['2024-03-31', 'Renewal: Microsoft 365 (Acme Ltd)'],
			['2024-03-30', 'Notice deadline: Microsoft 365 (Acme Ltd)'],
			['2024-04-30', 'Renewal: Microsoft 365 (Acme Ltd)'],
			['2024-04-29', 'Notice deadline: Microsoft 365 (Acme Ltd)']
		]);
		expect(events[0].description).toBe('Renews automatically for 1 month.');
		expect(events[1].description).toBe('Last day to give notice (1 day) before the renewal on 2024-03-31.');
	});

	it('leaves out the deadline with no notice period, and the party when unknown', () => {
		expect(renewalEvents([item({ renewalDate: '2026-12-31', autoRenew: true }, null)], '2026-01-01')).toMatchObject([
			{ summary: 'Renewal: Microsoft 365', description: 'Renews automatically.', date: '2026-12-31' },
			{ summary: 'Renewal: Microsoft 365', date: '2027-12-31' }
		]);
	});

	it('skips deleted contracts and those without dates', () => {
		const deleted = item({ renewalDate: '2026-12-31', deletedAt: '2026-01-01T00:00:00Z' });
		expect(renewalEvents([deleted, item({})], '2026-01-01')).toEqual([]);
	});
});
