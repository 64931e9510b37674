import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../auth/roles';
import { Account } from '../modules/account/account.entity';
import { AccountError, createAccount, disableAccount, enableAccount, resetPassword, unlockAccount } from '../modules/account/account.service';
import { migrate } from '../db/orm';
import { withDatabase } from './run';

const usage = `usage: npm run user -- add --username NAME --role ROLE [--org ID] [--name "显示名"]
       npm run user -- disable --username NAME
       npm run user -- enable --username NAME
       npm run user -- reset --username NAME
       npm run user -- unlock --username NAME
       npm run user -- list
  add, reset: the password is read from standard input (one line; typed unseen at a terminal), never from the command line.
  Administrators' accounts are managed here only; the others also through GraphQL (createAccount, disableAccount …).
  ROLE: ${ROLES.join(', ')}
  --org: what the account acts for (credit code of a bank or an enterprise, id of a CPPCC member or handling unit)
`;

/** One line of standard input; at a terminal, asked for unseen, twice (Ctrl-C aborts with 130). */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  rl.on('SIGINT', () => {
    process.stdout.write('\n');
    process.exit(130);
  });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string) => {
    if (process.stdin.isTTY) process.stdout.write(prompt);
    const { value } = await lines.next();
    if (process.stdin.isTTY) process.stdout.write('\n');
    return typeof value === 'string' ? value : '';
  };
  // Unseen at a terminal: readline echoes through this (a private hook of node:readline, kept since Node 0.x).
  if (process.stdin.isTTY) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  try {
    const password = await ask('Password: ');
    if (process.stdin.isTTY && (await ask('Again: ')) !== password) {
      process.stderr.write('password: the two entries differ.\n');
      process.exit(1);
    }
    return password;
  } finally {
    rl.close();
  }
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const command = positionals[0];
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
if (!['add', 'disable', 'enable', 'reset', 'unlock', 'list'].includes(command ?? '')) {
  process.stderr.write(usage);
  process.exit(2);
}

void withDatabase(async (orm) => {
  await migrate(orm);
  const em = orm.em.fork();
  try {
    if (command === 'list') {
      const accounts = await em.find(Account, {}, { orderBy: { role: 'asc', username: 'asc' } });
      const locked = new Set(
        (await em.execute<{ username: string }[]>('select username from sign_in_failure where locked_until > now()')).map((r) => r.username),
      );
      for (const a of accounts) {
        const state = a.disabledAt ? 'disabled' : locked.has(a.username) ? 'locked' : 'active';
        process.stdout.write(`${[a.username, a.role, a.organization ?? '-', a.displayName, state].join('\t')}\n`);
      }
      return 0;
    }
    if (!values.username) {
      process.stderr.write(`--username is required.\n${usage}`);
      return 2;
    }
    if (command === 'unlock') {
      const account = await unlockAccount(em, values.username);
      process.stdout.write(`unlocked ${account.username}\n`);
      return 0;
    }
    if (command === 'disable') {
      const account = await disableAccount(em, values.username);
      process.stdout.write(`disabled ${account.username}; its sessions have ended\n`);
      return 0;
    }
    if (command === 'enable') {
      const account = await enableAccount(em, values.username);
      process.stdout.write(`enabled ${account.username}\n`);
      return 0;
    }
    if (command === 'reset') {
      const account = await resetPassword(em, values.username, await readPassword());
      process.stdout.write(`reset the password of ${account.username}; its sessions have ended\n`);
      return 0;
    }
    if (!values.role || !ROLES.includes(values.role as Role)) {
      process.stderr.write(`${values.role ? `Unknown role ${values.role}.\n` : '--role is required.\n'}${usage}`);
      return 2;
    }
    const account = await createAccount(
      em,
      { username: values.username, displayName: values.name ?? values.username, password: await readPassword(), role: values.role as Role, organization: values.org ?? null },
      'shell',
    );
    process.stdout.write(`added ${account.username} (${account.role}${account.organization ? ` for ${account.organization}` : ''})\n`);
    return 0;
  } catch (err) {
    if (err instanceof AccountError) {
      process.stderr.write(`${err.field}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
});
