import { PERIODS } from '#lib/domain/catalog/schema.js';

/** Billing cycles: a plan's monthly price billed each month, 3 months at once, or 12. */
export const CYCLE_LABELS = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' } as const;

const MONTHS = { monthly: '', quarterly: ' (3 months at once)', annual: ' (12 months at once)' } as const;

export const CYCLE_OPTIONS = PERIODS.map((p) => ({ value: p, label: `${CYCLE_LABELS[p]}${MONTHS[p]}` }));
