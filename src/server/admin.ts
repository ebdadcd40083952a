/**
 * Account commands for whoever runs the server, mainly the first administrator of an empty database:
 *   npm run admin -- create-user --username wang.li --name 王丽 --role admin [--team 信息科技部]
 * The password comes from JIANZHENG_NEW_PASSWORD, or is generated and printed once.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { accountCreateSchema } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { hashPassword, randomPassword } from './auth/passwords';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { defaultDataDir } from './start';
import { WorldStore } from './world';

const [command, ...rest] = process.argv.slice(2);
const usage = 'usage: npm run admin -- create-user --username <name> --name <display name> --role admin|lead|analyst|auditor [--team <team>] [--capacity <n>]';

async function main() {
  if (command !== 'create-user') {
    console.error(usage);
    process.exit(2);
  }
  const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, capacity: { type: 'string' } } });
  const generated = !process.env.JIANZHENG_NEW_PASSWORD;
  const password = process.env.JIANZHENG_NEW_PASSWORD ?? randomPassword(20);
  const parsed = accountCreateSchema.safeParse({ ...values, capacity: values.capacity ? Number(values.capacity) : undefined, password });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') + '\n' + usage);
    process.exit(2);
  }
  const body = parsed.data;
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: join(defaultDataDir(), 'pg') });
  try {
    await migrate(database.db);
    const hash = await hashPassword(body.password);
    const worlds = new WorldStore(database.db);
    const id = `u-${body.username}`;
    await worlds.write(async (world, tx) => {
      const taken = await tx.selectFrom('users').select('id').where((eb) => eb.or([eb('username', '=', body.username), eb('id', '=', id)])).executeTakeFirst();
      if (taken) throw new Error(`username ${body.username} is taken`);
      await tx.insertInto('users').values({ id, username: body.username, name: body.name, role: body.role, team: body.team, capacity: body.capacity, away: false, password_hash: hash }).execute();
      recordAudit(world, { actorId: 'system', action: 'user_create', recordType: 'user', recordId: id, summary: `${body.username} (${body.role}) by the admin command`, detail: { kind: 'userCreated', text: body.username, to: body.role } });
    });
    console.log(`created ${body.username} (${body.role})`);
    if (generated) console.log(`password (shown once): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
