import { LINE_KIND_LABELS, type InvoiceStatus, type LineKind, type SourceKind } from '#lib/domain/billing/invoice.js';
import { formatDay } from '../contracts/days.js';

/** What the billing pages say for a line's source, an invoice's state, a rate and a period. */

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
	'time-entry': 'Time entry',
	plan: 'Plan',
	milestone: 'Milestone',
	expense: 'Expense',
	deployment: 'Product',
	contract: 'Agreement',
	credit: 'Credit',
	manual: 'Manual'
};

export const sourceLabel = (kind: string): string => SOURCE_KIND_LABELS[kind as SourceKind] ?? kind;
export const kindLabel = (kind: string): string => LINE_KIND_LABELS[kind as LineKind] ?? kind;

/** 825 basis points → "8.25%". */
export const ratePercent = (basisPoints: number): string => `${(basisPoints / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

/** "Nov 1, 2026 – Nov 30, 2026" */
export const periodLabel = (start: string, end: string): string => `${formatDay(start)} – ${formatDay(end)}`;

export type InvoiceBadge = { label: string; tone: 'accent' | 'success' | 'danger' | 'warning' | '' };

/** The badge of an invoice: overdue before its stored status, a credit note as such. */
export function invoiceBadge(invoice: { status: InvoiceStatus; overdue: boolean; creditOf: string | null }): InvoiceBadge {
	if (invoice.creditOf) return { label: 'Credit note', tone: 'warning' };
	if (invoice.overdue) return { label: 'Overdue', tone: 'danger' };
	if (invoice.status === 'paid') return { label: 'Paid', tone: 'success' };
	if (invoice.status === 'sent') return { label: 'Sent', tone: 'accent' };
	if (invoice.status === 'void') return { label: 'Void', tone: '' };
	return { label: 'Posted', tone: 'accent' };
}

/** Due, not paid and past its due date on `today` (as the invoice list works it out). */
export function isOverdue(invoice: { status: InvoiceStatus; dueOn: string; total: number; paid: number; credited: number }, today: string): boolean {
	return (invoice.status === 'posted' || invoice.status === 'sent') && invoice.dueOn < today && invoice.total > invoice.paid + invoice.credited;
}

/** A block balance's pool: a block of hours (its agreement's id), or a retainer's cycle (`ID:2026-11-01`). */
export function poolLabel(pool: string): string {
	const cycle = pool.slice(pool.lastIndexOf(':') + 1);
	return pool.includes(':') && /^\d{4}-\d{2}-\d{2}$/.test(cycle) ? `Retainer from ${formatDay(cycle)}` : 'Block of hours';
}

/** Quantities as typed: up to three decimals, no grouping. */
export const quantityText = (quantity: number): string => String(Math.round(quantity * 1000) / 1000);
