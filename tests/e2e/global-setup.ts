import { startApp } from '../support/app.js';
import { E2E_PORT } from '../../playwright.config.js';

/** Starts the built server for the browser suite; the returned function stops it and drops its database. */
export default async function globalSetup() {
	const app = await startApp({ PORT: String(E2E_PORT) });
	return async () => {
		await app.stop();
	};
}
