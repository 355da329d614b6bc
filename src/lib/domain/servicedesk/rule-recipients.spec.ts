import { describe, expect, it } from 'vitest';
import { addressees, type RuleMember } from './rule-recipients.js';

const members: RuleMember[] = [
	{ userId: 'joe', email: 'joe@msp.test', name: 'Joe', role: 'technician' },
	{ userId: 'mia', email: 'mia@msp.test', name: 'Mia', role: 'dispatcher' },
	{ userId: 'ola', email: 'ola@msp.test', name: 'Ola', role: 'dispatcher' }
];
const after = { assignee: 'joe', leadTechId: 'mia', contactId: 'c1' };

describe('addressees', () => {
	it('finds the assignee, the lead tech, a person, everyone with a role, the contact', () => {
		expect(addressees('assignee', after, members, null)).toEqual([{ userId: 'joe', email: 'joe@msp.test' }]);
		expect(addressees('lead', after, members, null)).toEqual([{ userId: 'mia', email: 'mia@msp.test' }]);
		expect(addressees({ user: 'ola' }, after, members, null)).toEqual([{ userId: 'ola', email: 'ola@msp.test' }]);
		expect(addressees({ role: 'dispatcher' }, after, members, null).map((a) => a.userId)).toEqual(['mia', 'ola']);
		expect(addressees('contact', after, members, 'pat@acme.test')).toEqual([{ userId: null, email: 'pat@acme.test' }]);
	});

	it('reaches nobody for someone who is not a member, no assignee, or a contact without mail', () => {
		expect(addressees({ user: 'left-last-year' }, after, members, null)).toEqual([]);
		expect(addressees('assignee', { ...after, assignee: null }, members, null)).toEqual([]);
		expect(addressees('contact', after, members, null)).toEqual([]);
	});
});
