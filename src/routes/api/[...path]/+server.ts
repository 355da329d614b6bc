import { apiError } from '#lib/server/http/api.js';

/** Any other API path, with any method, is a JSON 404 rather than an HTML page. */
export const fallback = ({ url }: { url: URL }) =>
	apiError(404, 'not_found', `No API route ${url.pathname}.`);
