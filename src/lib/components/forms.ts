import { tick } from 'svelte';
import type { SubmitFunction } from '$app/forms';

/** The shape a failed form action hands back (FormFailure on the server). */
export interface Failure {
	message: string;
	fields: Record<string, string>;
	values: Record<string, string>;
}

/** The failure inside an action result, or null when `form` is empty or a success. */
export function failureOf(form: unknown, intent?: string): Failure | null {
	if (!form || typeof form !== 'object' || !('message' in form) || !('fields' in form)) return null;
	const failure = form as Failure;
	if (intent !== undefined && failure.values?.intent !== intent) return null;
	return failure;
}

interface SubmitOptions {
	/** told true while the request runs, false once the page is updated */
	busy?: (busy: boolean) => void;
	/** asks this question first; "Cancel" stops the submission */
	confirm?: string;
	/** reset the form after a success (default true) */
	reset?: boolean;
	/** called once the page is updated after a success (an inline form closes itself) */
	done?: () => void;
}

/**
 * A `use:enhance` callback: optional confirmation, a busy flag, and after a
 * failure the keyboard focus on the first field marked invalid.
 */
export function submitter(options: SubmitOptions = {}): SubmitFunction {
	return ({ cancel }) => {
		if (options.confirm && !window.confirm(options.confirm)) {
			cancel();
			return;
		}
		options.busy?.(true);
		return async ({ update, result, formElement }) => {
			try {
				await update({ reset: options.reset ?? true });
			} finally {
				options.busy?.(false);
			}
			if (result.type === 'success') options.done?.();
			if (result.type === 'failure') {
				await tick();
				formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
			}
		};
	};
}

/**
 * A form action's URL that keeps the page's own query (`?customer=acme&/adjust`):
 * a submission lands where its action points, so without it the page would
 * come back without what the query opened.
 */
export function actionHere(url: { search: string }, name: string): string {
	const query = [...new URLSearchParams(url.search)].filter(([key]) => !key.startsWith('/'));
	return `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}&`).join('')}/${name}`;
}
