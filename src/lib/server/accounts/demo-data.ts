import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { DEFAULT_CATEGORIES } from '#lib/domain/catalog/schema.js';
import { projectCatalog } from '#lib/domain/catalog/projection.js';
import { addMonths, formatDay, requireDay } from '#lib/domain/contracts/days.js';
import { projectContracts } from '#lib/domain/contracts/projection.js';
import { addRecord, createCustomer, updateCustomer } from '#lib/domain/customer/edits.js';
import { editAs } from '#lib/domain/customer/history.js';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import { docName } from '#lib/domain/documents/names.js';
import { initMeta, setEntity, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { projectTicket } from '#lib/domain/ticket/projection.js';
import { todayIn } from '#lib/domain/today.js';
import type { Db } from '../db/index.js';
import { writeProjections, type DocProjection } from '../repositories/projection-writes.js';
import { lockTicketCounter, recordNumbers } from '../repositories/ticket-numbers.js';
import { insertNewDocs } from '../repositories/ydocs.js';
import { markCreatedRulesRun } from '../repositories/rules.js';
import { recordSubmissions } from '../repositories/week-approvals.js';
import { DEMO_TM_TERMS, fillBillingCatalog } from './demo-billing.js';
import { demoProjects, demoWeeks } from './demo-projects.js';
import { demoTickets, fillRules, fillServiceDesk, type DemoStaff } from './demo-service-desk.js';

/**
 * The demo tenant's data, so a newcomer logging in sees an MSP at work: a stack
 * of products from real-sounding vendors, vendor contracts with a notice
 * deadline coming up, and customers with sites, contacts, deployments, devices,
 * notes and agreements, and a service desk at work (demo-service-desk.ts).
 * Dates are relative to the day it is seeded.
 */

const VENDORS = ['Microsoft', 'SentinelOne', 'Datto', 'Proofpoint', 'Ubiquiti'];

// name, vendor, category, unit, cost, price (cents a month)
const PRODUCTS: [string, string | null, string, 'per-device' | 'per-user' | 'flat', number, number][] = [
	['Microsoft 365 Business Premium', 'Microsoft', 'Email & Productivity', 'per-user', 2200, 2900],
	['SentinelOne Complete', 'SentinelOne', 'Cyber Security', 'per-device', 450, 900],
	['Datto SIRIS backup', 'Datto', 'Backup', 'per-device', 3000, 5500],
	['Proofpoint Essentials', 'Proofpoint', 'Cyber Security', 'per-user', 250, 600],
	['Managed Wi-Fi', 'Ubiquiti', 'Networking', 'flat', 4000, 12000],
	['Remote monitoring agent', null, 'Remote Monitoring', 'per-device', 150, 500]
];

interface DemoCustomer {
	name: string;
	industry: string;
	city: string;
	people: [string, string][];
	workstations: number;
	servers: number;
	/** the products it runs; quantities follow from its devices and people */
	stack: string[];
	monthly: number;
}

const CUSTOMERS: DemoCustomer[] = [
	{ name: 'Contoso Pharma', industry: 'Healthcare', city: 'Boston', people: [['Dana Scully', 'IT manager'], ['Fox Mulder', 'Research lead'], ['Walter Skinner', 'Director']], workstations: 24, servers: 2, stack: ['Microsoft 365 Business Premium', 'SentinelOne Complete', 'Datto SIRIS backup', 'Proofpoint Essentials', 'Remote monitoring agent'], monthly: 480000 },
	{ name: 'Fabrikam Legal', industry: 'Legal', city: 'Hartford', people: [['Alicia Florrick', 'Managing partner'], ['Kalinda Sharma', 'Office manager']], workstations: 12, servers: 1, stack: ['Microsoft 365 Business Premium', 'SentinelOne Complete', 'Datto SIRIS backup'], monthly: 210000 },
	{ name: 'Tailspin Toys', industry: 'Retail', city: 'Providence', people: [['Ann Lee', 'Owner'], ['Bob Jones', 'Store manager']], workstations: 6, servers: 0, stack: ['Microsoft 365 Business Premium', 'Managed Wi-Fi', 'Remote monitoring agent'], monthly: 95000 },
	{ name: 'Wide World Importers', industry: 'Logistics', city: 'Newark', people: [['Priya Patel', 'Operations director'], ['Sam Okafor', 'Warehouse lead'], ['Lena Fischer', 'Finance']], workstations: 18, servers: 1, stack: ['Microsoft 365 Business Premium', 'SentinelOne Complete', 'Proofpoint Essentials', 'Remote monitoring agent'], monthly: 320000 },
	{ name: 'Alpine Ski House', industry: 'Hospitality', city: 'Burlington', people: [['Jon Snow', 'General manager']], workstations: 4, servers: 0, stack: ['Managed Wi-Fi', 'Remote monitoring agent'], monthly: 60000 },
	{ name: 'Woodgrove Dental', industry: 'Healthcare', city: 'Albany', people: [['Maria Garcia', 'Practice manager'], ['Tom Reed', 'Dentist']], workstations: 8, servers: 1, stack: ['Microsoft 365 Business Premium', 'SentinelOne Complete', 'Datto SIRIS backup'], monthly: 140000 }
];

const AUTHOR = 'Stackdesk demo';

interface DemoDoc {
	name: string;
	doc: Y.Doc;
	project: (doc: Y.Doc) => { problems: DocProjection['problems'] } & DocProjection['tables'];
}

function catalogDoc(tenantId: string, today: number) {
	const doc = new Y.Doc({ guid: 'demo' });
	const ids = new Map<string, string>();
	const idOf = (name: string) => ids.get(name) ?? ids.set(name, uuidv7()).get(name)!;
	doc.transact(() => {
		initMeta(doc, 'catalog');
		for (const name of VENDORS) upsertRecord(doc, 'vendors', idOf(name), { name, deletedAt: null });
		for (const name of DEFAULT_CATEGORIES) upsertRecord(doc, 'categories', idOf(name), { name, deletedAt: null });
		for (const [name, vendor, category, unit, unitCost, unitPrice] of PRODUCTS) {
			upsertRecord(doc, 'products', idOf(name), { name, vendorId: vendor ? idOf(vendor) : null, categoryId: idOf(category), unit, unitCost, unitPrice, deletedAt: null });
		}
		const contract = (name: string, vendor: string, products: string[], fields: PlainRecord) =>
			upsertRecord(doc, 'vendorContracts', uuidv7(), { name, vendorId: idOf(vendor), productIds: products.map(idOf).join(' '), period: 'annual', autoRenew: true, deletedAt: null, ...fields });
		contract('Microsoft CSP agreement', 'Microsoft', ['Microsoft 365 Business Premium'], { renewalDate: formatDay(addMonths(today, 7)), termMonths: 12, noticeDays: 30, amountPerPeriod: null });
		contract('Datto partner agreement', 'Datto', ['Datto SIRIS backup'], { renewalDate: formatDay(today + 95), termMonths: 36, noticeDays: 60, amountPerPeriod: 240000 });
		contract('SentinelOne MSP programme', 'SentinelOne', ['SentinelOne Complete'], { renewalDate: formatDay(addMonths(today, 4)), termMonths: 12, noticeDays: 90, amountPerPeriod: 300000 });
	});
	return { doc, productId: (name: string) => ids.get(name)!, name: docName(tenantId, 'catalog') };
}

function customerDoc(tenantId: string, c: DemoCustomer, productId: (name: string) => string, since: string) {
	const id = uuidv7();
	const doc = new Y.Doc({ guid: 'demo' });
	editAs(doc, AUTHOR);
	createCustomer(doc, id, { name: c.name });
	const slug = c.name.toLowerCase().replace(/[^a-z]+/g, '');
	updateCustomer(doc, { industry: c.industry, website: `${slug}.example`, phone: `+1 555 0${String(100 + c.name.length * 7).slice(-3)}`, email: `it@${slug}.example` }, true);
	const siteId = addRecord(doc, 'sites', { name: 'Head office', address1: '1 Main Street', city: c.city, country: 'United States', hours: 'Mon–Fri 8:00–18:00' });
	c.people.forEach(([name, title], i) => {
		const email = `${name.split(' ')[0].toLowerCase()}@${slug}.example`;
		addRecord(doc, 'contacts', { name, title, email, phone: `+1 555 01${String(10 + i)}`, siteId, portalAccess: i === 0 ? 'view' : 'none' });
	});
	for (let i = 1; i <= c.workstations; i++) addRecord(doc, 'devices', { name: `${slug.slice(0, 3).toUpperCase()}-WS${String(i).padStart(2, '0')}`, type: 'workstation', make: 'Dell', model: 'OptiPlex 7010', os: 'Windows 11 Pro', siteId, warrantyExpiry: formatDay(addMonths(requireDay(since), 24 + (i % 18))) });
	for (let i = 1; i <= c.servers; i++) addRecord(doc, 'devices', { name: `${slug.slice(0, 3).toUpperCase()}-SRV${i}`, type: 'server', make: 'HPE', model: 'ProLiant DL360', os: 'Windows Server 2022', siteId, warrantyExpiry: formatDay(addMonths(requireDay(since), 14)) });
	const devices = c.workstations + c.servers;
	for (const product of c.stack) {
		const unit = PRODUCTS.find(([name]) => name === product)![3];
		const quantity = unit === 'per-user' ? c.people.length * 4 : unit === 'flat' ? 1 : product.startsWith('Datto') ? Math.max(c.servers, 1) : devices;
		addRecord(doc, 'deployments', { productId: productId(product), quantity, since, siteId: null, notes: null });
	}
	addRecord(doc, 'notes', { body: `Onboarded in ${since.slice(0, 7)}. Alarm code at reception; ask for ${c.people[0][0]}.`, by: AUTHOR, at: new Date().toISOString(), pinned: true });
	return { id, doc, name: docName(tenantId, 'customer', id) };
}

function contractsDoc(tenantId: string, customers: { id: string; c: DemoCustomer }[], today: number, billing: ReturnType<typeof fillBillingCatalog>) {
	const doc = new Y.Doc({ guid: 'demo' });
	doc.transact(() => {
		initMeta(doc, 'contracts');
		customers.forEach(({ id, c }, i) => {
			upsertRecord(doc, 'customerContracts', uuidv7(), {
				customerId: id, name: 'Managed services agreement', party: 'msp', type: 'recurring', period: 'monthly', amountPerPeriod: c.monthly,
				start: formatDay(addMonths(today, -14 + i)), termMonths: 24, renewalDate: formatDay(addMonths(today, 10 - i * 2)), autoRenew: i % 2 === 0, noticeDays: 60, deletedAt: null,
				...DEMO_TM_TERMS, programId: i === 0 ? billing.programId : null
			});
			// servers are backed up on the Cloud backup plan, counted from each customer's devices
			if (c.servers > 0) upsertRecord(doc, 'planAssociations', uuidv7(), { customerId: id, planId: billing.backupPlanId, cycle: 'monthly', start: formatDay(addMonths(today, -6)), deletedAt: null });
		});
		const [first, second] = customers;
		upsertRecord(doc, 'customerContracts', uuidv7(), {
			customerId: first.id, name: 'Project hours', party: 'msp', type: 'block-hours', period: 'annual', start: formatDay(addMonths(today, -7)), renewalDate: formatDay(addMonths(today, 5)), noticeDays: 30, autoRenew: false,
			blockMinutes: 20 * 60, blockPrice: 200_000, blockExpiresOn: formatDay(addMonths(today, 5)), lowBalanceMinutes: 4 * 60, overageRate: 15_000, deletedAt: null
		});
		upsertRecord(doc, 'customerContracts', uuidv7(), { customerId: second.id, name: 'Fibre internet', party: 'third-party', vendorName: 'Metro Fibre', period: 'monthly', amountPerPeriod: 29900, renewalDate: formatDay(today + 40), noticeDays: 30, autoRenew: true, deletedAt: null });
	});
	return { doc, name: docName(tenantId, 'contracts') };
}

/** Stores the demo documents with their rows, as an import does, so lists are full at the first login. */
export async function storeDemoData(db: Db, tenantId: string, timeZone: string, staff: DemoStaff[]): Promise<void> {
	const today = requireDay(todayIn(timeZone));
	const since = formatDay(addMonths(today, -18));
	const catalog = catalogDoc(tenantId, today);
	fillServiceDesk(catalog.doc, timeZone);
	const tech = staff.find((s) => s.role === 'technician') ?? null;
	const customers = CUSTOMERS.map((c) => ({ c, ...customerDoc(tenantId, c, catalog.productId, since) }));
	// the biggest account is a Premier one, looked after by the tech
	setEntity(customers[0].doc, 'customer', { classification: 'Premier', leadTechId: tech?.id ?? null });
	const manager = staff.find((s) => s.role === 'dispatcher') ?? staff[0];
	fillRules(catalog.doc, { portalCustomerId: customers.find((c) => c.c.name === 'Tailspin Toys')!.id, tech: tech ?? manager, manager });
	const contracts = contractsDoc(tenantId, customers, today, fillBillingCatalog(catalog.doc));
	const tickets = demoTickets(tenantId, new Map(customers.map((c) => [c.c.name, c.id])), staff, timeZone);
	const docs: DemoDoc[] = [
		{ ...catalog, project: projectCatalog },
		{ ...contracts, project: projectContracts },
		...customers.map((c) => ({ name: c.name, doc: c.doc, project: (doc: Y.Doc) => projectCustomer(c.name, doc) })),
		...tickets.map((t) => ({ name: t.name, doc: t.doc, project: (doc: Y.Doc) => projectTicket(t.name, doc) }))
	];
	const work = tech ? demoWork(tenantId, customers.find((c) => c.c.name === 'Fabrikam Legal')!.id, tech, formatDay(today), tickets) : null;
	if (work) docs.push(...work.docs);
	await lockTicketCounter(db, tenantId);
	await recordNumbers(db, tenantId, tickets.map(({ ticketId, number }) => ({ ticketId, number })), tickets.length);
	// the demo's tickets come as they are: rules made for new tickets are not run on them
	await markCreatedRulesRun(db, tenantId, tickets.map((t) => t.ticketId));
	await insertNewDocs(db, tenantId, docs.map((d) => ({ name: d.name, state: Y.encodeStateAsUpdate(d.doc), stateVector: Y.encodeStateVector(d.doc) })));
	await writeProjections(db, docs.map((d) => {
		const { problems, ...tables } = d.project(d.doc);
		return { tenantId, name: d.name, version: 0, tables, problems };
	}), { fresh: true });
	// last week waits for the approver, as the materializer would have recorded on its submission
	if (work) await recordSubmissions(db, tenantId, [work.submission]);
	for (const d of docs) d.doc.destroy();
}

/** The projects and the tech's timesheet weeks (demo-projects.ts), as documents to store, and the submitted week. */
function demoWork(tenantId: string, customerId: string, tech: DemoStaff, today: string, tickets: ReturnType<typeof demoTickets>) {
	const { migration, onboarding } = demoProjects(tenantId, customerId, tech, today);
	const weeks = demoWeeks(tenantId, tech, today, tickets, { projectId: migration.id, customerId, ids: migration.ids });
	const submittedAt = (weeks.submitted.doc.getMap('timesheet').get('submittedAt') as string | undefined) ?? null;
	return {
		docs: [migration, onboarding, weeks.submitted, weeks.open] satisfies DemoDoc[],
		submission: { userId: tech.id, week: weeks.submitted.week, submittedAt }
	};
}
