/**
 * An error meant for the person who caused it: a status, a stable code for
 * programs, a sentence for people and, for bad input, a message per field.
 * Thrown by services; routes turn it into JSON or a form failure.
 */
export class AppError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields?: Record<string, string>
	) {
		super(message);
		this.name = 'AppError';
	}
}

export const invalid = (message: string, fields?: Record<string, string>) =>
	new AppError(400, 'invalid_input', message, fields);
export const unauthenticated = (message = 'Please log in.') =>
	new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'Your role does not allow this.') =>
	new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
