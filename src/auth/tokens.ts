import { fromGlobalId, toGlobalId } from '../common/global-id';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
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

/** Seconds in a duration written as config and `--ttl` take it: `30m`, `12h`, `7d`. */
export function durationSeconds(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (!m) throw new TokenError(`A duration is written like 30m, 12h or 7d; got ${JSON.stringify(text)}.`);
  return Number(m[1]) * { s: 1, m: 60, h: 3_600, d: 86_400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/** Clocks of the servers and the signer may differ by this much. */
const CLOCK_SKEW_SECONDS = 60;

export interface TokenClaims {
  role: Role;
  org?: string | null;
}

/**
 * Signs and verifies bearer tokens (HS256 JWTs, via jose). A token must say when it was issued and when it expires,
 * must not be issued in the future, and may be valid for at most `maxTtl` (default 12 hours): a token that leaks is
 * worth little for long.
 */
export class TokenService {
  private readonly maxSeconds: number;

  constructor(
    private readonly key: Uint8Array,
    private readonly ttl: string,
    readonly maxTtl = '12h',
  ) {
    this.maxSeconds = durationSeconds(maxTtl);
  }

  /** A token for `role` acting for `org`, valid for the configured time (or `ttl`, e.g. '30m', at most `maxTtl`). */
  async sign(claims: TokenClaims, ttl: string = this.ttl): Promise<string> {
    assertClaims(claims.role, claims.org ?? null);
    if (durationSeconds(ttl) > this.maxSeconds) {
      throw new TokenError(`A token may be valid for at most ${this.maxTtl}; asked for ${ttl}.`);
    }
    return new SignJWT({ role: claims.role, ...(claims.org ? { org: claims.org } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.org ?? claims.role)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.key);
  }

  /**
   * When `verify` starts refusing a token it accepts now (its `exp` and the clock skew allowed), in ms since the epoch:
   * an open subscription's end, so that the client's reconnection is refused as its requests are, not accepted again.
   */
  refusedFrom(token: string): number {
    return ((decodeJwt(token).exp ?? 0) + CLOCK_SKEW_SECONDS) * 1000;
  }

  /** The viewer a token stands for; a forged, expired or malformed token throws `TokenError`. */
  async verify(token: string): Promise<Viewer> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'iat'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new TokenError('The bearer token has expired.');
      if (err instanceof joseErrors.JWTClaimValidationFailed && (err.claim === 'exp' || err.claim === 'iat') && err.reason === 'missing') {
        throw new TokenError(`The bearer token must carry "${err.claim}": innozone accepts only tokens that expire.`);
      }
      if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw new TokenError('The bearer token signature is not valid.');
      }
      throw new TokenError('The bearer token is malformed or not issued by innozone.');
    }
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number' || payload.iat > now + CLOCK_SKEW_SECONDS) {
      throw new TokenError('The bearer token says it was issued in the future.');
    }
    if (payload.exp - payload.iat > this.maxSeconds) {
      throw new TokenError(`The bearer token is valid for longer than the ${this.maxTtl} innozone accepts.`);
    }
    const role = payload['role'];
    const org = payload['org'] ?? null;
    if (typeof role !== 'string' || (org !== null && typeof org !== 'string')) {
      throw new TokenError('The bearer token does not name a role.');
    }
    assertClaims(role, org);
    return new Viewer(role as Role, canonicalOrganization(org));
  }
}

/**
 * A member's or a handling unit's token names it by its global id: one issued before API v1 (legacy form) is read
 * as the same id in today's form, so that it matches what the registry stores and shows from now on.
 */
export function canonicalOrganization(org: string | null): string | null {
  const parsed = org === null ? null : fromGlobalId(org);
  return parsed ? toGlobalId(parsed.type, parsed.id) : org;
}

export function assertClaims(role: string, org: string | null): void {
  if (!ROLES.includes(role as Role)) throw new TokenError(`Unknown role ${JSON.stringify(role)}.`);
  if (ROLES_WITH_ORG.has(role as Role) && !org) {
    throw new TokenError(`A ${role} token must name the organisation it acts for.`);
  }
  if (!ROLES_WITH_ORG.has(role as Role) && org) {
    // An administrator or the proposals office acts for no organisation: an `org` would only land in the audit trail.
    throw new TokenError(`A ${role} token acts for no organisation; this one names ${JSON.stringify(org)}.`);
  }
}
