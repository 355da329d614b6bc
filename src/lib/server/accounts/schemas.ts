import { z } from 'zod';
import { parseLeadDays } from '#lib/domain/contracts/lead-days.js';
import { ROLES } from '#lib/domain/auth/roles.js';
import { PASSWORD_MIN_LENGTH } from '../auth/password.js';

const email = z.string().trim().toLowerCase().email('Enter a valid email address.').max(254);
const password = z
	.string()
	.min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
	.max(200, 'Use at most 200 characters.');
const personName = z.string().trim().min(1, 'Enter a name.').max(120);

export const signupInput = z.object({
	tenantName: z.string().trim().min(1, 'Enter the name of your company.').max(120),
	name: personName,
	email,
	password
});

export const loginInput = z.object({
	email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(254),
	password: z.string().min(1, 'Enter your password.').max(200)
});

export const invitationInput = z.object({
	email,
	role: z.enum(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}.` })
});

export const acceptInput = z.object({ name: personName, password });

export const roleInput = z.object({
	role: z.enum(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}.` })
});

export const tenantInput = z.object({
	name: z.string().trim().min(1, 'Enter the company name.').max(120),
	currency: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as USD or EUR.'),
	timeZone: z
		.string()
		.trim()
		.refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'Unknown time zone.'),
	/** days before a contract's notice deadline to remind, e.g. "90 30 7"; left out: unchanged */
	reminderDays: z
		.string()
		.optional()
		.transform((text) => (text === undefined ? undefined : parseLeadDays(text).join(' ')))
		.refine((days) => days !== '', 'Give at least one number of days, such as 90 30 7.'),
	/** approve each timesheet week as it is submitted; left out: unchanged */
	autoApproveTimesheets: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional()
});

export type SignupInput = z.infer<typeof signupInput>;
export type LoginInput = z.infer<typeof loginInput>;
export type InvitationInput = z.infer<typeof invitationInput>;
export type AcceptInput = z.infer<typeof acceptInput>;
export type TenantInput = z.infer<typeof tenantInput>;
