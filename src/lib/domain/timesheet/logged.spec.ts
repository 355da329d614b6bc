import { describe, expect, it } from 'vitest';
import { mergeLogged } from './logged.js';

const ME = 'u-me';
const OTHER = 'u-other';

describe('logged time: the server\'s figures and this device\'s weeks', () => {
	it('the server alone, when the device holds none of my weeks', () => {
		const merged = mergeLogged(
			[
				{ userId: ME, week: '2026-W10', minutes: 60 },
				{ userId: OTHER, week: '2026-W10', minutes: 90 },
				{ userId: ME, week: '2026-W11', minutes: 30 }
			],
			ME,
			new Map()
		);
		expect(merged).toEqual({ total: 180, people: [{ userId: ME, minutes: 90 }, { userId: OTHER, minutes: 90 }] });
	});

	it('a week held here replaces the server\'s figure for it: an offline entry counts at once, a synced one once', () => {
		const server = [
			{ userId: ME, week: '2026-W10', minutes: 60 },
			{ userId: ME, week: '2026-W09', minutes: 45 },
			{ userId: OTHER, week: '2026-W10', minutes: 30 }
		];
		// W10 here holds the 60 the server has plus 15 logged offline; W11 exists only here
		const merged = mergeLogged(server, ME, new Map([['2026-W10', 75], ['2026-W11', 20]]));
		expect(merged.total).toBe(45 + 75 + 20 + 30);
		expect(merged.people).toEqual([{ userId: ME, minutes: 140 }, { userId: OTHER, minutes: 30 }]);
	});

	it('an entry removed here while the server still counts it is gone at once; other people\'s weeks are always the server\'s', () => {
		const merged = mergeLogged([{ userId: ME, week: '2026-W10', minutes: 60 }, { userId: OTHER, week: '2026-W10', minutes: 30 }], ME, new Map([['2026-W10', 0]]));
		expect(merged).toEqual({ total: 30, people: [{ userId: OTHER, minutes: 30 }] });
		expect(mergeLogged([], ME, new Map())).toEqual({ total: 0, people: [] });
	});
});
