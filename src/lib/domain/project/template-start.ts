import { parseDay } from '../contracts/days.js';

/**
 * The "New from template" form as plain values: which template, the new
 * project's name, customer and contract, the day it starts, and whether the
 * template's assignees come along. Read from the form's fields; every
 * problem is named by its field so the form says it beside it.
 */

export interface TemplateStartFields {
	templateId: string;
	name: string;
	customerId: string | null;
	contractId: string | null;
	start: string;
	keepAssignees: boolean;
}

export type TemplateStartField = 'templateId' | 'name' | 'start';

/** The fields in form order, so the first one with a problem takes the focus. */
export const TEMPLATE_START_FIELDS: readonly TemplateStartField[] = ['templateId', 'name', 'start'];

/** What the form holds: a blank customer or contract is none. */
export type TemplateStartInput = Omit<TemplateStartFields, 'customerId' | 'contractId'> & { customerId: string; contractId: string };

/** The form's values, or what is wrong with them by field. `templates`: the ids that can be picked. */
export function readTemplateStart(input: TemplateStartInput, templates: ReadonlySet<string>): { fields: TemplateStartFields } | { problems: Partial<Record<TemplateStartField, string>> } {
	const problems: Partial<Record<TemplateStartField, string>> = {};
	const templateId = input.templateId.trim();
	if (!templateId) problems.templateId = 'Pick the template to start from';
	else if (!templates.has(templateId)) problems.templateId = 'That template is no longer there: pick another';
	const name = input.name.trim();
	if (!name) problems.name = 'Give the project a name';
	else if (name.length > 300) problems.name = 'A project name is at most 300 characters';
	const start = input.start.trim();
	if (!start) problems.start = 'Pick the day the project starts: every date of the template moves with it';
	else if (parseDay(start) === null) problems.start = `“${start}” is not a date such as 2026-03-02`;
	if (Object.keys(problems).length > 0) return { problems };
	return { fields: { templateId, name, start, customerId: input.customerId.trim() || null, contractId: input.contractId.trim() || null, keepAssignees: input.keepAssignees } };
}
