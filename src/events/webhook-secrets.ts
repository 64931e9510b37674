import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { loadSigningKey } from '../auth/tokens';

/** The shortest secret a webhook may have: 32 characters (what a receiver should generate: 32 random bytes, hex or base64). */
export const MIN_SECRET_LENGTH = 32;
/** The longest: a secret is a key, not a document. */
export const MAX_SECRET_LENGTH = 256;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key webhook secrets are encrypted with, for this process: set once at start (the server's and the jobs'), from
 * WEBHOOK_SECRET_KEY or, when unset, derived from the token signing key (HKDF-SHA256, its own label), so a zone that
 * configured one key does not need a second. The database alone never reads a secret: a dump without the key holds
 * ciphertext only.
 */
let processKey: Buffer | null = null;

/** Derives the 32-byte key from the configuration (see `processKey`). */
export async function webhookKeyOf(config: Pick<Config, 'auth' | 'dataDir'> & { webhooks?: Pick<Config['webhooks'], 'secretKey'> }): Promise<Buffer> {
  const material = config.webhooks?.secretKey ? Buffer.from(config.webhooks.secretKey, 'utf8') : Buffer.from(await loadSigningKey(config));
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'innozone webhook secrets v1', 32));
}

/** Sets this process's key (idempotent: the server and the jobs of one process derive the same). */
export async function configureWebhookSecrets(config: Parameters<typeof webhookKeyOf>[0]): Promise<void> {
  processKey = await webhookKeyOf(config);
}

function key(): Buffer {
  if (!processKey) throw new Error('webhook secrets are not configured in this process (configureWebhookSecrets)');
  return processKey;
}

/** Encrypts a webhook's secret for storage: iv (12 bytes) ‖ tag (16) ‖ ciphertext, AES-256-GCM with the webhook's id as AAD. */
export function encryptSecret(secret: string, webhookId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  // Bound to its webhook: a ciphertext copied onto another row does not decrypt there.
  cipher.setAAD(Buffer.from(webhookId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The secret of a stored ciphertext; throws when the key is not the one it was encrypted with. */
export function decryptSecret(stored: Buffer, webhookId: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key(), stored.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(webhookId, 'utf8'));
  decipher.setAuthTag(stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(stored.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/**
 * The `Innozone-Signature` header of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the
 * secret>` (README "Webhooks" shows a receiver checking it).
 */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}
