import { seedDemo, DEMO } from '#lib/server/accounts/demo.js';
import { openMigratedDatabase } from './boot.js';

/** `npm run migrate` and `npm run seed`. */
const commands: Record<string, () => Promise<void>> = {
	async migrate() {
		const db = await openMigratedDatabase();
		console.log(`database is up to date (${db.kind})`);
		await db.close();
	},
	async seed() {
		const db = await openMigratedDatabase();
		await seedDemo(db);
		console.log(`demo tenant "${DEMO.tenantName}" re-created: log in as ${DEMO.people[0].email} / ${DEMO.password}`);
		await db.close();
	}
};

const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
	console.error(`usage: cli <${Object.keys(commands).join('|')}>`);
	process.exit(2);
}
await command();
