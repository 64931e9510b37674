import 'reflect-metadata';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { withDatabase } from './run';

/** `npm run audit:verify`: walks the audit chain; exit 1 naming the first event changed by hand. */
void withDatabase(async (orm) => {
  const result = await verifyAuditChain(orm.em.fork());
  if (result.intact) {
    process.stdout.write(
      `audit chain intact: ${result.events} events${result.head ? `, head ${result.head}` : ''}\n` +
        'Keep the head hash somewhere else (a daily note, a ticket): a chain rewritten from some event on is only\n' +
        'evident against a head recorded before.\n',
    );
    return 0;
  }
  process.stdout.write(`audit chain broken at event ${result.firstTampered}: ${result.reason} (${result.events} events read)\n`);
  return 1;
});
