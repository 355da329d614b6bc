import { z } from 'zod';

/**
 * Field validators every record schema shares (DESIGN.md §2: money in integer
 * minor units, instants ISO-8601 UTC, dates YYYY-MM-DD, durations whole minutes).
 * Lenient where a person's typing is the likely cause (blank → null, overlong
 * text cut), strict where a wrong value would be silently wrong (money, dates).
 */

export const text = (max: number) => z.string().trim().max(max);

/** Optional text: missing, null and blank all project as null; overlong text is cut, not refused. */
export const optionalText = (max: number) =>
	z
		.string()
		.nullish()
		.transform((v) => (v && v.trim() !== '' ? v.trim().slice(0, max) : null));

export const instant = z.iso
	.datetime({ offset: true })
	.nullish()
	.transform((v) => v ?? null);

export const date = z.iso
	.date()
	.nullish()
	.transform((v) => v ?? null);

export const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'id must be 1–64 letters, digits or dashes');

export const optionalId = id.nullish().transform((v) => v ?? null);

/** Integer minor units (cents); never a float. */
export const money = z
	.number()
	.int('money is a whole number of minor units')
	.min(-1e13)
	.max(1e13)
	.nullish()
	.transform((v) => v ?? null);

export const count = (max = 1_000_000) =>
	z
		.number()
		.int()
		.min(0)
		.max(max)
		.nullish()
		.transform((v) => v ?? null);

export const flag = z
	.boolean()
	.nullish()
	.transform((v) => v ?? false);

/** A space-separated list of ids (records hold only scalars). */
export const idList = z
	.string()
	.nullish()
	.transform((v) => (v ?? '').split(/\s+/).filter((part) => /^[A-Za-z0-9-]{1,64}$/.test(part)));

export const currency = z
	.string()
	.regex(/^[A-Z]{3}$/, 'a currency is three capital letters (ISO 4217)')
	.nullish()
	.transform((v) => v ?? null);
