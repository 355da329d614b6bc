/**
 * Money in integer minor units (cents), and the one rounding rule billing
 * uses wherever a fraction of a cent appears: **half away from zero, to the
 * minor unit, once per line** (a prorated plan, a labour line, a tax per rate).
 * Fractions are carried as exact integer numerators and denominators up to
 * that point, never as floating-point amounts.
 */

/** numerator / denominator rounded half away from zero; the denominator must be a positive integer. */
export function divideRounded(numerator: number, denominator: number): number {
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
		throw new RangeError(`cannot divide ${numerator} by ${denominator} exactly`);
	}
	const sign = numerator < 0 ? -1 : 1;
	const magnitude = Math.abs(numerator);
	const quotient = Math.floor(magnitude / denominator);
	const remainder = magnitude - quotient * denominator;
	return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

/** An amount times a rate in basis points (15000 = ×1.5, 825 = 8.25 %), rounded by the rule. */
export const applyBasisPoints = (amount: number, basisPoints: number): number => divideRounded(amount * basisPoints, 10_000);

/** An hourly rate (minor units an hour) for so many minutes, rounded by the rule. */
export const minutesAtRate = (minutes: number, ratePerHour: number): number => divideRounded(minutes * ratePerHour, 60);
