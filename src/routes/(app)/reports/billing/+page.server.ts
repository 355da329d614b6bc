import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The billing reports start with revenue. */
export const load: PageServerLoad = () => redirect(307, '/reports/billing/revenue');
