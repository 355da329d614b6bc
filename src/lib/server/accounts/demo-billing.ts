import { v7 as uuidv7 } from 'uuid';
import type * as Y from 'yjs';
import { upsertRecord } from '#lib/domain/documents/shape.js';

/**
 * What the demo tenant bills by (issue 7): two service plans, a program that
 * bundles one and covers monitoring, the labour roles with their rates and
 * costs, and the tenant's sales tax; the agreements' billing terms are set in
 * demo-data.ts where they are made.
 */
export function fillBillingCatalog(doc: Y.Doc): { programId: string; backupPlanId: string } {
	const managed = uuidv7();
	const backupPlanId = uuidv7();
	const programId = uuidv7();
	upsertRecord(doc, 'servicePlans', managed, {
		id: managed, name: 'Fully Managed', basis: 'devices', workstationPrice: 9_500, workstationCost: 3_000, serverPrice: 25_000, serverCost: 8_000, mobilePrice: 1_500, mobileCost: 400,
		includes: 'Monitoring and patching, remote and onsite support in business hours, security stack, backup checks.', taxable: true, deletedAt: null
	});
	upsertRecord(doc, 'servicePlans', backupPlanId, { id: backupPlanId, name: 'Cloud backup', basis: 'devices', serverPrice: 6_000, serverCost: 2_500, includes: 'Image backup of each server, kept 90 days, restores tested monthly.', taxable: true, deletedAt: null });
	upsertRecord(doc, 'programs', programId, { id: programId, name: 'Fully Managed', planIds: managed, coveredWork: 'Monitoring, Patching', rateBasisPoints: 10_000, description: 'Everything day to day; projects and after-hours work billed at the standard rates.', deletedAt: null });
	for (const [name, ratePerHour, costPerHour] of [['Technician', 12_500, 4_500], ['Engineer', 16_500, 6_000], ['Monitoring', 9_000, 2_500]] as const) {
		const id = uuidv7();
		upsertRecord(doc, 'roles', id, { id, name, ratePerHour, costPerHour, deletedAt: null });
	}
	const tax = uuidv7();
	upsertRecord(doc, 'taxRates', tax, { id: tax, name: 'Sales tax', basisPoints: 625, region: null, deletedAt: null });
	return { programId, backupPlanId };
}

/** The demo's time and materials terms: 15-minute increments, a half-hour minimum, after hours at 1.5×. */
export const DEMO_TM_TERMS = { incrementMinutes: 15, minimumMinutes: 30, afterHoursBasisPoints: 15_000 };
