import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config';
import { ROLES, ROLES_WITH_ORG, type Role } from './roles';
import { Viewer } from './viewer';

const ISSUER = 'innozone';
const AUDIENCE = 'innozone-graphql';
const ALGORITHM = 'HS256';
const KEY_FILE = 'token-secret';

/** Why a token was refused; the message is safe to show a client. */
export class TokenError extends Error {
  override name = 'TokenError';
}

/**
 * The signing key: INNOZONE_TOKEN_SECRET when set, else one generated on first use and kept in `<dataDir>/token-secret`
 * (mode 600), so `npm run token` and the server always agree.
 */
export async function loadSigningKey(config: Pick<Config, 'auth' | 'dataDir'>): Promise<Uint8Array> {
  if (config.auth.tokenSecret) return new TextEncoder().encode(config.auth.tokenSecret);
  const file = path.join(config.dataDir, KEY_FILE);
  try {
    return new TextEncoder().encode((await fs.readFile(file, 'utf8')).trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await fs.mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': if a concurrent start wrote the key first, keep theirs.
    await fs.writeFile(file, secret, { mode: 0o600, flag: 'wx' });
    return new TextEncoder().encode(secret);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return new TextEncoder().encode((await fs.readFile(file, 'utf8')).trim());
  }
}

export interface TokenClaims {
  role: Role;
  org?: string | null;
}

/** Signs and verifies bearer tokens (HS256 JWTs, via jose). */
export class TokenService {
  constructor(
    private readonly key: Uint8Array,
    private readonly ttl: string,
  ) {}

  /** A token for `role` acting for `org`, valid for the configured time (or `ttl`, e.g. '30m'). */
  async sign(claims: TokenClaims, ttl: string = this.ttl): Promise<string> {
    assertClaims(claims.role, claims.org ?? null);
    return new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.org ?? claims.role)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.key);
  }

  /** The viewer a token stands for; a forged, expired or malformed token throws `TokenError`. */
  async verify(token: string): Promise<Viewer> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new TokenError('The bearer token has expired.');
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new TokenError('The bearer token signature is not valid.');
      }
      throw new TokenError('The bearer token is malformed or not issued by innozone.');
    }
    const role = payload['role'];
    const org = payload['org'] ?? null;
    if (typeof role !== 'string' || (org !== null && typeof org !== 'string')) {
      throw new TokenError('The bearer token does not name a role.');
    }
    assertClaims(role, org);
    return new Viewer(role as Role, org);
  }
}

function assertClaims(role: string, org: string | null): void {
  if (!ROLES.includes(role as Role)) throw new TokenError(`Unknown role ${JSON.stringify(role)}.`);
  if (ROLES_WITH_ORG.has(role as Role) && !org) {
    throw new TokenError(`A ${role} token must name the organisation it acts for.`);
  }
}
