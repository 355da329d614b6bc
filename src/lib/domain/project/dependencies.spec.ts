import { describe, expect, it } from 'vitest';
import { cycleIfSet, cycleMessage, findCycle, ganttOrder } from './dependencies.js';

const task = (id: string, dependencies: string[] = [], start: string | null = null, rank: string | null = null) => ({ id, dependencies, start, rank });

describe('task dependencies', () => {
	it('find no cycle in a chain or a diamond, and ignore tasks that are not in the project', () => {
		expect(findCycle([task('a'), task('b', ['a']), task('c', ['a']), task('d', ['b', 'c', 'gone'])])).toBeNull();
	});

	it('name the cycle, the same one on every replica', () => {
		const tasks = [task('c', ['a']), task('a', ['b']), task('b', ['c']), task('x', ['x'])];
		expect(findCycle(tasks)).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle([...tasks].reverse())).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle([task('x', ['x'])])).toEqual(['x', 'x']);
	});

	it('say which tasks would wait on each other', () => {
		const titles: Record<string, string> = { a: 'Order switches', b: 'Rack switches', c: 'Cut over' };
		expect(cycleMessage(['a', 'b', 'c', 'a'], (id) => titles[id])).toBe(
			'These tasks would wait on each other in a circle: “Order switches” → “Rack switches” → “Cut over” → “Order switches”. Remove one of these dependencies.'
		);
		expect(cycleMessage(['a', 'a'], (id) => titles[id])).toBe('“Order switches” cannot depend on itself.');
	});

	it('tell whether a change would close a cycle', () => {
		const tasks = [task('a'), task('b', ['a']), task('c', ['b'])];
		expect(cycleIfSet(tasks, 'a', ['c'])).toEqual(['a', 'c', 'b', 'a']);
		expect(cycleIfSet(tasks, 'c', ['a'])).toBeNull();
		expect(cycleIfSet(tasks, 'new', ['c'])).toBeNull();
	});

	it('order the Gantt chart: dependencies first, then the earliest start, rank and id', () => {
		const tasks = [
			task('deploy', ['test'], '2026-03-01'),
			task('test', ['build'], '2026-01-05'),
			task('build', [], '2026-02-01'),
			task('docs', [], '2026-01-10'),
			task('kickoff', [], null, 'a'),
			task('survey', [], '2026-01-10', 'b')
		];
		expect(ganttOrder(tasks).map((t) => t.id)).toEqual(['docs', 'survey', 'build', 'test', 'deploy', 'kickoff']);
	});

	it('keep tasks caught in a merged cycle at the end rather than losing them', () => {
		const order = ganttOrder([task('a', ['b']), task('b', ['a']), task('c', [], '2026-01-01')]);
		expect(order.map((t) => t.id)).toEqual(['c', 'a', 'b']);
	});
});
