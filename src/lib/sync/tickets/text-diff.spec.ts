import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, mapIndex } from './text-diff.js';

const apply = (text: string, splice: NonNullable<ReturnType<typeof diffText>>) => text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.remove);

describe('a textarea bound to a Y.Text', () => {
	it('sends one splice of what changed', () => {
		expect(diffText('Printer jams', 'Printer jams daily')).toEqual({ index: 12, remove: 0, insert: ' daily' });
		expect(diffText('Printer jams', 'Printer jam')).toEqual({ index: 11, remove: 1, insert: '' });
		expect(diffText('Printer jams', 'Scanner jams')).toEqual({ index: 0, remove: 5, insert: 'Scann' });
		expect(diffText('same', 'same')).toBeNull();
		for (const [a, b] of [['', 'x'], ['abc', ''], ['aaa', 'aaaa'], ['hello world', 'hello, brave world']]) expect(apply(a, diffText(a, b)!)).toBe(b);
	});

	it('puts a repeated letter where the cursor is', () => {
		// "aa" → "aaa" with the cursor after the first new "a": the insert is at 1
		expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
		expect(apply('aa', diffText('aa', 'aaa', 2)!)).toBe('aaa');
	});

	it('merges with a concurrent edit elsewhere in the text', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		a.getText('t').insert(0, 'The printer jams.');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const edit = (doc: Y.Doc, next: string) => {
			const text = doc.getText('t');
			const s = diffText(text.toString(), next)!;
			text.delete(s.index, s.remove);
			text.insert(s.index, s.insert);
		};
		edit(a, 'The office printer jams.');
		edit(b, 'The printer jams every morning.');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(a.getText('t').toString()).toBe('The office printer jams every morning.');
		expect(b.getText('t').toString()).toBe(a.getText('t').toString());
	});

	it('moves the cursor with the text around it on a remote change', () => {
		// "The printer" with the cursor after "printer" (11); someone inserts "office " at 4
		expect(mapIndex([{ retain: 4 }, { insert: 'office ' }], 11)).toBe(18);
		// an insert after the cursor leaves it
		expect(mapIndex([{ retain: 11 }, { insert: ' jams' }], 4)).toBe(4);
		// a deletion before the cursor pulls it back; one around it puts it at the start of the gap
		expect(mapIndex([{ delete: 4 }], 11)).toBe(7);
		expect(mapIndex([{ retain: 2 }, { delete: 6 }], 5)).toBe(2);
	});
});
