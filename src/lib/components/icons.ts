/** Stroke icons on a 24×24 grid, one path each. */
export const ICONS = {
	dashboard: 'M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h6v6h-6z',
	ticket: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z M9 7v2 M9 11v2 M9 15v2',
	board: 'M4 4h4v12H4z M10 4h4v8h-4z M16 4h4v15h-4z',
	clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3 2',
	building: 'M4 21V4h9v17 M13 9h7v12 M2 21h20 M7 8h3 M7 12h3 M7 16h3 M16 13h1 M16 17h1',
	layers: 'M12 3l9 5-9 5-9-5z M3 12l9 5 9-5 M3 16l9 5 9-5',
	document: 'M6 2h9l5 5v15H6z M14 2v6h6 M9 13h7 M9 17h5',
	receipt: 'M6 2h12v20l-3-2-3 2-3-2-3 2z M9 7h6 M9 11h6 M9 15h4',
	chart: 'M3 21h18 M6 17v-5 M11 17V6 M16 17v-8',
	sliders: 'M4 6h9 M17 6h3 M15 4v4 M4 12h3 M11 12h9 M9 10v4 M4 18h11 M19 18h1 M17 16v4',
	people: 'M9 11a4 4 0 1 0 0-8a4 4 0 0 0 0 8z M2 21a7 7 0 0 1 14 0 M16 3.5a4 4 0 0 1 0 7.5 M22 21a7 7 0 0 0-4-6.3',
	mail: 'M3 5h18v14H3z M3 6l9 7 9-7',
	shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z M9 12l2 2 4-4',
	menu: 'M4 6h16 M4 12h16 M4 18h16',
	close: 'M6 6l12 12 M18 6L6 18',
	logout: 'M15 4h4v16h-4 M10 17l5-5-5-5 M15 12H3',
	check: 'M5 12l5 5L20 7',
	circle: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z',
	copy: 'M9 9h11v11H9z M5 15H4V4h11v1',
	alert: 'M12 3l10 18H2z M12 10v4 M12 17.5v.5',
	arrow: 'M5 12h14 M13 6l6 6-6 6',
	plus: 'M12 5v14 M5 12h14',
	search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14z M16.5 16.5L21 21',
	trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13 M10 11v6 M14 11v6',
	undo: 'M9 14L4 9l5-5 M4 9h11a5 5 0 0 1 0 10h-3',
	pin: 'M12 21s-7-6.2-7-12a7 7 0 0 1 14 0c0 5.8-7 12-7 12z M12 6.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
	user: 'M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8z M4 21a8 8 0 0 1 16 0',
	edit: 'M4 20h4L19 9l-4-4L4 16z M13.5 6.5l4 4',
	download: 'M12 3v12 M7 10l5 5 5-5 M4 20h16'
} as const;

export type IconName = keyof typeof ICONS;
