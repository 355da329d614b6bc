import { describe, expect, it } from 'vitest';
import { domainsOf, matchAlert, matchSender, parseAddress, websiteDomain } from './match.js';

describe('alert matching', () => {
	const acme = { id: 'acme', name: 'Acme' };
	const other = { id: 'other', name: 'Acme' };
	const dev = (customerId: string, siteId: string | null = null) => ({ customerId, siteId, name: 'WEB01' });

	it('takes the customer by name, with the site of its device', () => {
		expect(matchAlert([acme], [])).toEqual({ customerId: 'acme', siteId: null });
		expect(matchAlert([acme], [dev('acme', 's1'), dev('globex', 's9')])).toEqual({ customerId: 'acme', siteId: 's1' });
	});

	it('finds the customer by a device name when the alert names no known customer', () => {
		expect(matchAlert([], [dev('globex', 's9')])).toEqual({ customerId: 'globex', siteId: 's9' });
		// two devices of one customer: that customer, no particular site
		expect(matchAlert([], [dev('globex', 's1'), dev('globex', 's2')])).toEqual({ customerId: 'globex', siteId: null });
	});

	it('sends an unclear alert to triage', () => {
		expect(matchAlert([], [])).toEqual({ customerId: null, siteId: null });
		expect(matchAlert([], [dev('acme'), dev('globex')])).toEqual({ customerId: null, siteId: null });
		expect(matchAlert([acme, other], [])).toEqual({ customerId: null, siteId: null });
		// two customers of one name, told apart by the device
		expect(matchAlert([acme, other], [dev('other', 's3')])).toEqual({ customerId: 'other', siteId: 's3' });
	});
});

describe('sender matching', () => {
	const contacts = [
		{ id: 'jane', customerId: 'acme', email: 'Jane@Acme.com' },
		{ id: 'bob', customerId: 'globex', email: 'bob@gmail.com' },
		{ id: 'sam1', customerId: 'acme', email: 'sam@shared.example' },
		{ id: 'sam2', customerId: 'initech', email: 'sam@shared.example' }
	];
	const domains = [
		{ customerId: 'umbrella', domain: 'umbrella.example' },
		{ customerId: 'globex', domain: 'globex.example' }
	];

	it('knows a contact by address, whatever its case', () => {
		expect(matchSender('jane@acme.com', contacts, domains)).toEqual({ customerId: 'acme', contactId: 'jane', by: 'contact' });
		expect(matchSender('bob@gmail.com', contacts, domains)).toEqual({ customerId: 'globex', contactId: 'bob', by: 'contact' });
	});

	it('knows a customer by the domain of its contacts, website or address, most specific first', () => {
		expect(matchSender('new.person@acme.com', contacts, domains)).toEqual({ customerId: 'acme', contactId: null, by: 'domain' });
		expect(matchSender('it@eu.umbrella.example', contacts, domains)).toMatchObject({ customerId: 'umbrella', by: 'domain' });
	});

	it('never matches by a public mail domain, nor picks between two customers', () => {
		expect(matchSender('stranger@gmail.com', contacts, domains).customerId).toBeNull();
		expect(matchSender('sam@shared.example', contacts, domains).customerId).toBeNull();
		expect(matchSender('other@shared.example', contacts, domains).customerId).toBeNull();
		expect(matchSender('nobody@nowhere.example', contacts, domains).customerId).toBeNull();
		expect(matchSender('not an address', contacts, domains).customerId).toBeNull();
	});

	it('reads addresses, domains and websites', () => {
		expect(parseAddress(' Jane@Acme.COM ')).toEqual({ address: 'jane@acme.com', domain: 'acme.com' });
		expect(parseAddress('@acme.com')).toBeNull();
		expect(domainsOf('eu.mail.acme.co')).toEqual(['eu.mail.acme.co', 'mail.acme.co', 'acme.co']);
		expect(websiteDomain('https://www.Acme.com/about')).toBe('acme.com');
		expect(websiteDomain('acme.com')).toBe('acme.com');
		expect(websiteDomain('http://intranet:8080')).toBeNull();
		expect(websiteDomain(null)).toBeNull();
	});
});
