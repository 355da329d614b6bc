import { describe, expect, it } from 'vitest';
import { acceptedFields, changedSince, describeProposal, proposalFromForm, proposalInput, proposedChanges } from './proposals.js';

describe('proposalInput', () => {
	it('takes a profile change, trimming text and reading blank as "clear it"', () => {
		const parsed = proposalInput.parse({ kind: 'profile', fields: { phone: '  +1 555 0100 ', website: '' } });
		expect(parsed).toEqual({ kind: 'profile', fields: { phone: '+1 555 0100', website: null } });
	});

	it('names the field of a bad email and refuses fields the portal may not change', () => {
		const bad = proposalInput.safeParse({ kind: 'contact', contactId: 'p-1', fields: { email: 'pat@' } });
		expect(bad.success).toBe(false);
		expect(bad.error!.issues[0]).toMatchObject({ path: ['fields', 'email'], message: 'This is not an email address.' });
		expect(proposalInput.safeParse({ kind: 'contact', contactId: 'p-1', fields: { portalAccess: 'view' } }).success).toBe(false);
		expect(proposalInput.safeParse({ kind: 'profile', fields: { status: 'inactive' } }).success).toBe(false);
		expect(proposalInput.safeParse({ kind: 'profile', fields: { name: '   ' } }).success).toBe(false);
	});

	it('needs a name for a new contact and a well-formed id for a contact who left', () => {
		expect(proposalInput.safeParse({ kind: 'new-contact', fields: { email: 'new@contoso.example' } }).success).toBe(false);
		expect(proposalInput.parse({ kind: 'new-contact', fields: { name: 'Sam New', siteId: '' } })).toEqual({ kind: 'new-contact', fields: { name: 'Sam New', siteId: null } });
		expect(proposalInput.safeParse({ kind: 'contact-left', contactId: "x' OR 1=1 --" }).success).toBe(false);
		expect(proposalInput.safeParse({ kind: 'something-else' }).success).toBe(false);
	});
});

describe('proposedChanges', () => {
	it('keeps only the fields whose value differs from what the contact saw', () => {
		const current = { name: 'Contoso', phone: '+1 555 0100', website: null };
		expect(proposedChanges(current, { name: 'Contoso', phone: '+1 555 0199', website: null, email: undefined })).toEqual({
			phone: { from: '+1 555 0100', to: '+1 555 0199' }
		});
	});

	it('treats an empty string and null alike, and clearing a value as a change', () => {
		expect(proposedChanges({ title: '' }, { title: null })).toEqual({});
		expect(proposedChanges({ title: 'CTO' }, { title: null })).toEqual({ title: { from: 'CTO', to: null } });
	});

	it('turns accepted changes into the values to write', () => {
		expect(acceptedFields({ phone: { from: 'a', to: 'b' }, title: { from: 'CTO', to: null } })).toEqual({ phone: 'b', title: null });
	});
});

describe('changedSince', () => {
	it('says when the document moved on from the value the contact saw', () => {
		expect(changedSince({ from: '+1 555 0100' }, '+1 555 0100')).toBe(false);
		expect(changedSince({ from: null }, '')).toBe(false);
		expect(changedSince({ from: '+1 555 0100' }, '+1 555 0111')).toBe(true);
	});
});

describe('describeProposal', () => {
	it('says in one line what each kind of proposal is', () => {
		const changes = { phone: { from: null, to: '1' }, siteId: { from: null, to: 's-1' } };
		expect(describeProposal({ kind: 'profile', subject: 'Contoso', changes })).toBe('Company profile of Contoso: Phone, Site');
		expect(describeProposal({ kind: 'contact', subject: 'Pat', changes })).toBe('Contact Pat: Phone, Site');
		expect(describeProposal({ kind: 'new-contact', subject: 'Sam', changes })).toBe('New contact Sam');
		expect(describeProposal({ kind: 'contact-left', subject: 'Pat', changes: {} })).toBe('Pat has left the company');
	});
});

describe('proposalFromForm', () => {
	it('reads a portal form into a proposal whose messages name the inputs', () => {
		const input = proposalFromForm({ kind: 'contact', contactId: 'p-1', 'fields.email': 'pat@', 'fields.title': 'CTO', note: '' });
		expect(input).toEqual({ kind: 'contact', contactId: 'p-1', fields: { email: 'pat@', title: 'CTO' }, note: '' });
		const result = proposalInput.safeParse(input);
		expect(result.error!.issues[0].path.join('.')).toBe('fields.email');
		expect(proposalInput.parse(proposalFromForm({ kind: 'contact-left', contactId: 'p-1' }))).toEqual({ kind: 'contact-left', contactId: 'p-1' });
	});
});
