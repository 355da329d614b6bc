import { applyBasisPoints } from './rounding.js';

/**
 * Tax on an invoice, as stated on screen and on the PDF: **only taxable lines
 * are taxed; lines are grouped by their tax rate, and each rate's tax is its
 * taxable subtotal times the rate, rounded once (half away from zero, to the
 * cent)** — not line by line, so splitting a line never changes the tax. A
 * rate is in basis points (825 = 8.25 %), from 0 to 10,000.
 */

export const TAX_ROUNDING_RULE = 'Tax is worked out per rate on the sum of the taxable lines at that rate, rounded half away from zero to the cent.';

export const MAX_TAX_BASIS_POINTS = 10_000;

export interface TaxableLine {
	amount: number;
	taxable: boolean;
	/** the line's rate (the tenant's or the customer region's), basis points */
	taxBasisPoints: number;
}

export interface TaxSummary {
	/** every line, taxed or not */
	subtotal: number;
	/** per rate, highest first: what was taxed and the tax */
	byRate: { basisPoints: number; taxable: number; tax: number }[];
	tax: number;
	total: number;
}

/** Why a rate cannot be used, or null: over 100 % or negative is a typo, not a tax. */
export function taxRateProblem(basisPoints: number): string | null {
	if (!Number.isInteger(basisPoints)) return 'A tax rate has at most two decimals (8.25 %).';
	if (basisPoints < 0) return 'A tax rate cannot be negative.';
	if (basisPoints > MAX_TAX_BASIS_POINTS) return 'A tax rate cannot be over 100 %.';
	return null;
}

export function taxSummary(lines: readonly TaxableLine[]): TaxSummary {
	const taxableByRate = new Map<number, number>();
	for (const line of lines) {
		if (!line.taxable || line.taxBasisPoints === 0) continue;
		const problem = taxRateProblem(line.taxBasisPoints);
		if (problem) throw new RangeError(problem);
		taxableByRate.set(line.taxBasisPoints, (taxableByRate.get(line.taxBasisPoints) ?? 0) + line.amount);
	}
	const byRate = [...taxableByRate]
		.sort(([a], [b]) => b - a)
		.map(([basisPoints, taxable]) => ({ basisPoints, taxable, tax: applyBasisPoints(taxable, basisPoints) }));
	const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
	const tax = byRate.reduce((sum, r) => sum + r.tax, 0);
	return { subtotal, byRate, tax, total: subtotal + tax };
}

/** The rate a customer's invoice is taxed at: their region's (matched case-insensitively), else the tenant's default (no region), else none. */
export function taxRateFor(region: string | null, rates: readonly { basisPoints: number; region: string | null }[]): number {
	const wanted = region?.trim().toLowerCase() || null;
	const regional = wanted ? rates.find((r) => r.region?.trim().toLowerCase() === wanted) : undefined;
	return (regional ?? rates.find((r) => !r.region))?.basisPoints ?? 0;
}
