import type { IconName } from './icons.js';

/** A page of an area, listed as a card on the area's own page. */
export interface AreaLink {
	href: string;
	label: string;
	icon: IconName;
	summary: string;
}

/** One area of the app: a nav entry, a dashboard card, its pages and, until it is built, an empty state. */
export interface Area {
	href: string;
	label: string;
	icon: IconName;
	/** a few words for the dashboard card */
	summary: string;
	/** what the area will hold, for its empty state */
	empty?: { title: string; body: string };
	/** the pages built so far, listed on the area's page */
	pages?: AreaLink[];
}

/** The left navigation, in order. */
export const AREAS: Area[] = [
	{ href: '/', label: 'Dashboard', icon: 'dashboard', summary: 'Your day at a glance.' },
	{
		href: '/service-desk',
		label: 'Service desk',
		icon: 'ticket',
		summary: 'Tickets, queues, SLA clocks and the dispatch board.',
		empty: {
			title: 'Your service desk will live here',
			body: 'Tickets from email, the portal and phone calls, each with an SLA clock counting first response and resolution in your business hours. Work them from queues and assign techs on a dispatch board.'
		}
	},
	{
		href: '/projects',
		label: 'Projects',
		icon: 'board',
		summary: 'Onboardings, migrations and rollouts.',
		empty: {
			title: 'Projects are coming',
			body: 'Run onboardings, migrations and rollouts with phases, tasks and milestones. Plan on a board or a Gantt chart, and start from templates you reuse for every customer.'
		}
	},
	{
		href: '/timesheets',
		label: 'Timesheets',
		icon: 'clock',
		summary: 'Weekly time entries and expenses.',
		empty: {
			title: 'Timesheets are coming',
			body: 'Log time against tickets and projects week by week — even offline on a customer site — and add expenses. Submitted weeks go to approval before billing picks them up.'
		}
	},
	{
		href: '/customers',
		label: 'Customers',
		icon: 'building',
		summary: 'Companies, sites and contacts.',
		empty: {
			title: 'Your customers will live here',
			body: 'Every customer company with its sites, contacts and notes, and the products from your stack they run.'
		}
	},
	{
		href: '/stack',
		label: 'Stack',
		icon: 'layers',
		summary: 'Vendors, products and who runs them.',
		empty: {
			title: 'Your stack will live here',
			body: 'The catalog of vendors and products you resell and support — RMM, backup, security, Microsoft 365 — and which customers run them, with how many seats or devices.'
		}
	},
	{
		href: '/contracts',
		label: 'Contracts',
		icon: 'document',
		summary: 'Vendor and customer contracts, renewals.',
		empty: {
			title: 'Contracts are coming',
			body: 'Vendor and customer contracts in one place, with terms, renewal dates and notice periods — and reminders before a notice period closes.'
		}
	},
	{
		href: '/billing',
		label: 'Billing',
		icon: 'receipt',
		summary: 'Recurring plans, block hours and invoices.',
		pages: [
			{
				href: '/billing/plans',
				label: 'Plans and rates',
				icon: 'layers',
				summary: 'Service plans per device, per user or flat, programs, labour rates and tax rates; associate plans with customers.'
			},
			{ href: '/billing/runs', label: 'Billing runs', icon: 'receipt', summary: 'Draft a period’s invoices, review the pre-bill, adjust lines and post; PDFs and accounting exports.' },
			{ href: '/billing/invoices', label: 'Invoices', icon: 'document', summary: 'Posted invoices: open, overdue and paid; payments and credit notes.' },
			{ href: '/billing/settings', label: 'Invoice settings', icon: 'sliders', summary: 'Your address, logo and payment details on invoices; items and accounts for the QuickBooks exports.' }
		]
	},
	{
		href: '/reports',
		label: 'Reports',
		icon: 'chart',
		summary: 'SLA compliance, workload, utilization, spend, revenue, profitability and receivables.'
	},
	{ href: '/settings', label: 'Settings', icon: 'sliders', summary: 'Company, people, mail and audit log.' }
];

export function areaByHref(href: string): Area {
	const area = AREAS.find((a) => a.href === href);
	if (!area) throw new Error(`no area ${href}`);
	return area;
}

/** Whether `href` is the current area of `pathname` (the dashboard only on `/` itself). */
export function isCurrent(href: string, pathname: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(`${href}/`);
}
