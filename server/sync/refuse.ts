/** Close codes the app uses (4000–4999 are the application's own). */
const CODES: Record<string, number> = {
	'malformed-message': 4400,
	'malformed-update': 4400,
	'update-too-large': 4413,
	'rate-limited': 4429,
	'too-many-documents': 4430
};

/** Refuses a connection attempt: Hocuspocus sends `reason` as the permission-denied message. */
export function refuse(reason: string): never {
	throw Object.assign(new Error(reason), { reason });
}

/** Closes the connection that sent a bad message; Hocuspocus reads `code` and `reason`. */
export function closeWith(reason: keyof typeof CODES | string): never {
	throw Object.assign(new Error(reason), { code: CODES[reason] ?? 4400, reason });
}
