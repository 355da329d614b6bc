/**
 * Who an alert or a mail is about: pure choices over the candidates the
 * repositories found, so the rules are tested without a database. An answer
 * that is not clear (two customers of the same name, a device name used at
 * two customers) is no answer: the ticket goes to Triage, where a person
 * picks, rather than to the wrong customer.
 */

export interface CustomerCandidate {
	id: string;
	name: string;
}

export interface DeviceCandidate {
	customerId: string;
	siteId: string | null;
	name: string;
}

export interface AlertMatch {
	customerId: string | null;
	siteId: string | null;
}

const single = <T>(items: T[]) => (items.length === 1 ? items[0] : null);

/**
 * The customer an alert names, else the one whose device it names; the device's
 * site when one device of that customer has the name. Two customers of one name
 * are told apart by the device, when it is only at one of them.
 */
export function matchAlert(customers: CustomerCandidate[], devices: DeviceCandidate[]): AlertMatch {
	const named = new Set(customers.map((c) => c.id));
	const candidates = named.size > 0 ? devices.filter((d) => named.has(d.customerId)) : devices;
	const customerId = named.size === 1 ? [...named][0] : single([...new Set(candidates.map((d) => d.customerId))]);
	if (!customerId) return { customerId: null, siteId: null };
	const device = single(candidates.filter((d) => d.customerId === customerId));
	return { customerId, siteId: device?.siteId ?? null };
}

/** Lower-cased address and its domain; null for something that is not an address. */
export function parseAddress(address: string | null | undefined): { address: string; domain: string } | null {
	const clean = address?.trim().toLowerCase() ?? '';
	const at = clean.lastIndexOf('@');
	if (at < 1 || at === clean.length - 1 || /\s/.test(clean)) return null;
	return { address: clean, domain: clean.slice(at + 1).replace(/\.$/, '') };
}

/**
 * Mail services anyone can sign up to: a contact with such an address says
 * nothing about who else writes from that domain, so they never match by domain.
 */
const PUBLIC_DOMAINS = new Set([
	'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk',
	'ymail.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de',
	'web.de', 'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'fastmail.com', 'hey.com', 'tutanota.com', 'qq.com', '163.com'
]);

export const isPublicDomain = (domain: string) => PUBLIC_DOMAINS.has(domain.toLowerCase());

/** The domain and its parents down to two labels ("eu.mail.acme.com" → that, "mail.acme.com", "acme.com"). */
export function domainsOf(domain: string): string[] {
	const labels = domain.toLowerCase().split('.').filter(Boolean);
	const out: string[] = [];
	for (let i = 0; i + 2 <= labels.length; i++) out.push(labels.slice(i).join('.'));
	return out;
}

/** The host of a customer's website ("https://www.acme.com/about" → "acme.com"); null when none. */
export function websiteDomain(website: string | null | undefined): string | null {
	const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?(?:www\.)?([^/:?#\s]+)/i.exec(website?.trim() ?? '');
	const host = match?.[1]?.toLowerCase().replace(/\.$/, '');
	return host && host.includes('.') ? host : null;
}

export interface ContactCandidate {
	id: string;
	customerId: string;
	email: string;
}

/** A customer with the domains it is known by: its website's and its own address's. */
export interface DomainCandidate {
	customerId: string;
	domain: string;
}

export interface SenderMatch {
	customerId: string | null;
	contactId: string | null;
	/** how it was matched, for the ticket's description and the answer */
	by: 'contact' | 'domain' | null;
}

const NO_MATCH: SenderMatch = { customerId: null, contactId: null, by: null };

/**
 * The customer a mail's sender belongs to: a contact with that address (one
 * customer's), else the customer the domain is known for — from contacts'
 * addresses, the customer's website or its address — the most specific
 * domain first. Public mail domains never match by domain.
 */
export function matchSender(sender: string, contacts: ContactCandidate[], domains: DomainCandidate[]): SenderMatch {
	const parsed = parseAddress(sender);
	if (!parsed) return NO_MATCH;
	const exact = contacts.filter((c) => c.email.trim().toLowerCase() === parsed.address);
	const exactCustomers = new Set(exact.map((c) => c.customerId));
	if (exactCustomers.size === 1) {
		return { customerId: exact[0].customerId, contactId: exact.length === 1 ? exact[0].id : null, by: 'contact' };
	}
	if (exactCustomers.size > 1 || isPublicDomain(parsed.domain)) return NO_MATCH;
	const known = [
		...contacts.map((c) => ({ customerId: c.customerId, domain: parseAddress(c.email)?.domain })),
		...domains
	].filter((d): d is DomainCandidate => !!d.domain && !isPublicDomain(d.domain));
	for (const domain of domainsOf(parsed.domain)) {
		const customers = new Set(known.filter((k) => k.domain === domain).map((k) => k.customerId));
		if (customers.size === 1) return { customerId: [...customers][0], contactId: null, by: 'domain' };
		if (customers.size > 1) return NO_MATCH;
	}
	return NO_MATCH;
}
