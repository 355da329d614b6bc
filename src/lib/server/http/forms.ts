import { fail, isHttpError, isRedirect } from '@sveltejs/kit';
import { AppError } from './errors.js';
import { formObject } from './validate.js';

/** What a failed form action hands back to its page: a message, per-field messages, the values typed. */
export interface FormFailure {
	message: string;
	fields: Record<string, string>;
	values: Record<string, string>;
}

// passwords and tokens are never sent back to the page
function echo(values: Record<string, string>) {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|token/i.test(key)));
}

/**
 * Runs a form action; an AppError becomes `fail(status, FormFailure)` for the
 * page to show, anything else keeps its normal SvelteKit meaning.
 */
export async function formAction<T>(request: Request, run: (form: FormData) => Promise<T>) {
	const form = await request.formData();
	try {
		return await run(form);
	} catch (error) {
		if (isRedirect(error) || isHttpError(error) || !(error instanceof AppError)) throw error;
		const failure: FormFailure = {
			message: error.message,
			fields: error.fields ?? {},
			values: echo(formObject(form))
		};
		return fail(error.status, failure);
	}
}
