import { one, type Db } from '../db/index.js';

export interface User {
	id: string;
	email: string;
	name: string;
}

export interface UserWithHash extends User {
	passwordHash: string;
}

const COLUMNS = 'id, email, name';

export async function insertUser(db: Db, user: UserWithHash): Promise<User> {
	const row = await one<User>(
		db,
		`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
		[user.id, user.email, user.name, user.passwordHash]
	);
	return row!;
}

export function findUserByEmail(db: Db, email: string): Promise<UserWithHash | undefined> {
	return one(
		db,
		`SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(email) = lower($1)`,
		[email]
	);
}


export async function deleteUsersByEmail(db: Db, email: string): Promise<void> {
	await db.query('DELETE FROM users WHERE lower(email) = lower($1)', [email]);
}
