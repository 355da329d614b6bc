import { projectProject } from '#lib/domain/project/projection.js';
import type { RowKind } from './kind.js';

/**
 * Project documents: the project row the portfolio reads (with its progress),
 * its phases and its tasks, so lists of projects and tasks need no document
 * open and a project edited offline shows in them at once.
 */
export const PROJECT_ROWS: RowKind = {
	kind: 'project',
	tables: ['projects', 'projectPhases', 'tasks'],
	derived: [],
	store: (_table, row) => row,
	project(docName, doc) {
		if (doc.getMap('project').size === 0) return null;
		const { projects, projectPhases, tasks } = projectProject(docName, doc);
		return { projects, projectPhases, tasks };
	}
};
