import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../auth/roles';
import { loadSigningKey, TokenService } from '../auth/tokens';
import { loadConfig } from '../config';
import { withoutDatabase } from './run';

const usage = `usage: npm run token -- --role ROLE [--org ID] [--ttl 12h]
  Prints a bearer token signed with the key the server checks.
  ROLE: ${ROLES.join(', ')}
  --org: what the token acts for (credit code of a bank or an enterprise, id of a CPPCC member or handling unit)
`;

void withoutDatabase(async () => {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (!values.role || !ROLES.includes(values.role as Role)) {
    process.stderr.write(`${values.role ? `Unknown role ${values.role}.\n` : ''}${usage}`);
    return 2;
  }
  const config = loadConfig();
  const tokens = new TokenService(await loadSigningKey(config), config.auth.tokenTtl, config.auth.tokenMaxTtl);
  process.stdout.write(`${await tokens.sign({ role: values.role as Role, org: values.org ?? null }, values.ttl)}\n`);
  return 0;
});
