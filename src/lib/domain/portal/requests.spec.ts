import { describe, expect, it } from 'vitest';
import { answersText, requestFromForm, requestInput, typeQuestions } from './requests.js';

const type = { id: 'hw', name: 'Hardware problem', questions: ['Which device?', 'Since when?'] };

describe('portal requests', () => {
	it('read a type\'s questions one per line', () => {
		expect(typeQuestions(' Which device? \n\n Since when?\n')).toEqual(['Which device?', 'Since when?']);
		expect(typeQuestions(null)).toEqual([]);
	});

	it('keep each answer under its question, on one line, and name the questions left unanswered', () => {
		expect(answersText(type, ['Laptop-07', ' Monday\nmorning '])).toEqual({ text: 'Which device?: Laptop-07\nSince when?: Monday morning' });
		expect(answersText(type, ['Laptop-07'])).toEqual({ missing: ['Since when?'] });
		expect(answersText({ ...type, questions: [] }, [])).toEqual({ text: null });
	});

	it('read the portal form, answers in the order asked', () => {
		const form = { typeId: 'hw', title: 'Broken', description: '', 'answer-1': 'Monday', 'answer-0': 'Laptop', 'answer-10': 'x' };
		expect(requestFromForm(form)).toEqual({ typeId: 'hw', title: 'Broken', description: undefined, answers: ['Laptop', 'Monday', 'x'] });
		expect(requestInput.safeParse({ typeId: 'hw', title: '  ', answers: [] }).success).toBe(false);
		expect(requestInput.safeParse({ typeId: 'hw', title: 'Broken', extra: 1 }).success).toBe(false);
	});
});
