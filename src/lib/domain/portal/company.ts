import type { PRODUCT_UNITS } from '../catalog/schema.js';
import type { AGREEMENT_TYPES } from '../contracts/schema.js';
import type { ProposalKind, ProposedChanges } from './proposals.js';

/**
 * What the portal reads of a company from the projections (`GET /portal/me`,
 * the portal page): the shapes shared by the repository that reads them and
 * the components that show them.
 */

export interface PortalProfile {
	id: string;
	name: string;
	status: string;
	industry: string | null;
	website: string | null;
	phone: string | null;
	email: string | null;
}

export interface PortalSite {
	id: string;
	name: string;
	address1: string | null;
	address2: string | null;
	city: string | null;
	region: string | null;
	postalCode: string | null;
	country: string | null;
	phone: string | null;
	hours: string | null;
}

export interface PortalContact {
	id: string;
	name: string;
	title: string | null;
	email: string | null;
	phone: string | null;
	mobile: string | null;
	siteId: string | null;
}

/** A contract of the company's, with the documents it may download. */
export interface PortalContract {
	id: string;
	name: string;
	party: 'msp' | 'third-party';
	type: (typeof AGREEMENT_TYPES)[number] | null;
	vendorName: string | null;
	start: string | null;
	termMonths: number | null;
	renewalDate: string | null;
	noticeDays: number | null;
	autoRenew: boolean;
	attachments: { fileId: string; name: string; size: number; mime: string }[];
}

/** A product the company runs: names and quantity only, never the MSP's costs or prices. */
export interface PortalProduct {
	id: string;
	productName: string;
	vendorName: string | null;
	categoryName: string | null;
	unit: (typeof PRODUCT_UNITS)[number];
	quantity: number;
	since: string | null;
	siteId: string | null;
}

export interface PortalDevice {
	id: string;
	name: string;
	type: string;
	make: string | null;
	model: string | null;
	serial: string | null;
	os: string | null;
	purchaseDate: string | null;
	warrantyExpiry: string | null;
	contactId: string | null;
	siteId: string | null;
	location: string | null;
}

/** A proposal as its company sees it (without who at the MSP decided). */
export interface PortalProposal {
	id: string;
	proposedBy: string;
	kind: ProposalKind;
	contactId: string | null;
	subject: string;
	changes: ProposedChanges;
	note: string | null;
	status: 'pending' | 'accepted' | 'declined';
	createdAt: Date | string;
	decidedAt: Date | string | null;
	decisionNote: string | null;
}
