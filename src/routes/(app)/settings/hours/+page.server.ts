import { WEEKDAY_LABELS } from '#lib/domain/people/capacity.js';
import { readWeekHours } from '#lib/domain/people/week-hours.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { invalid } from '#lib/server/http/errors.js';
import { formAction } from '#lib/server/http/forms.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { listCapacities, NO_SUCH_PERSON, setCapacity } from '#lib/server/people-time/capacity.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'people.view');
	return { people: await listCapacities(db(), me) };
};

export const actions: Actions = {
	save: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'capacity.manage');
			const userId = uuidParam(form.get('userId'), NO_SUCH_PERSON);
			const read = readWeekHours(WEEKDAY_LABELS.map((_, i) => String(form.get(`day${i}`) ?? '')));
			if (!read.ok) throw invalid('These hours cannot be saved.', read.errors);
			await setCapacity(db(), me, userId, read.minutes);
			return { done: 'Working hours saved: the workload and utilization reports count them from now on.', userId };
		})
};
