import { lookup } from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may point (issue 17 item 5): an allow-list of origins the zone administrator sets, and the addresses
 * a delivery may connect to.
 *
 * What is protected: a webhook reaches only origins on the list (scheme, host, port: http only where the entry says
 * http); at each delivery the list is read again and the host resolved, and the request goes to the very address that
 * was checked (the host name is sent as Host and as TLS SNI, and the certificate checked against it), so a DNS answer
 * changed after the check (rebinding) cannot send it elsewhere. Never reached, whatever the list says: link-local
 * addresses (169.254.0.0/16, fe80::/10: cloud metadata services live there), the metadata addresses outside them
 * (Alibaba Cloud's 100.100.100.200, AWS's fd00:ec2::254), unspecified, multicast, broadcast and reserved addresses.
 * Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7) and carrier-grade NAT addresses only when the entry that
 * allows the URL names that host or address itself (not a wildcard): an administrator may deliberately allow a system
 * on the zone's own network; a public name resolving to an internal address is refused.
 *
 * What is not: a receiver on the list is trusted with what it is sent (it is the owner's own system); redirects are
 * never followed, so a listed host cannot bounce a delivery elsewhere; the check cannot see past an HTTP proxy, so
 * none is used.
 */

/** An entry of the allow-list, parsed: `https://bank.example.cn`, `https://*.icbc.com.cn`, `http://127.0.0.1:8080`. */
export interface AllowEntry {
  text: string;
  scheme: 'http' | 'https';
  /** The host in lower case (an IPv6 address without brackets); for a wildcard, the suffix after `*.`. */
  host: string;
  wildcard: boolean;
  port: number;
}

const DEFAULT_PORT = { http: 80, https: 443 } as const;

/** Ranges never connected to, whatever the allow-list says. */
const ALWAYS_REFUSED = ['linkLocal', 'unspecified', 'multicast', 'broadcast', 'reserved', 'rfc6145', 'rfc6052', '6to4', 'teredo'];
/** Ranges connected to only when the entry names the host itself. */
const INTERNAL = ['loopback', 'private', 'uniqueLocal', 'carrierGradeNat'];
const METADATA = ['100.100.100.200', 'fd00:ec2::254'];

const hostOf = (host: string) => host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** Parses an allow-list entry, or says why it is not one. */
export function parseAllowEntry(text: string): AllowEntry | string {
  // Host names in ASCII (an internationalized one as punycode): nothing else can reach the stored list.
  const m = /^(https?):\/\/(\*\.)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?\/?$/.exec(text.trim());
  if (!m) return 'Give an origin: http(s)://host, http(s)://host:port or https://*.domain, without a path.';
  const scheme = m[1] as 'http' | 'https';
  const host = hostOf(m[3]!);
  const wildcard = !!m[2];
  const port = m[4] ? Number(m[4]) : DEFAULT_PORT[scheme];
  if (port < 1 || port > 65535) return 'The port must be 1 to 65535.';
  if (wildcard && (net.isIP(host) || !host.includes('.'))) return 'A wildcard stands for the subdomains of a domain with at least two labels (https://*.icbc.com.cn).';
  if (net.isIP(host) && refusedAlways(host)) return `${host} is link-local, a metadata service or otherwise never reachable by webhooks.`;
  return { text: text.trim().replace(/\/$/, ''), scheme, host, wildcard, port };
}

/** Is this address never to be connected to (link-local, metadata …)? */
export function refusedAlways(address: string): boolean {
  const ip = ipaddr.process(address);
  return ALWAYS_REFUSED.includes(ip.range()) || METADATA.some((m) => ipaddr.process(m).toString() === ip.toString());
}

const isInternal = (address: string) => INTERNAL.includes(ipaddr.process(address).range());

/** A webhook URL's parts, or why it is not one a webhook may have. */
export function parseWebhookUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Give an absolute http:// or https:// URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Give an absolute http:// or https:// URL.';
  if (url.username || url.password) return 'A webhook URL carries no user name or password: deliveries are signed instead.';
  if (url.hash) return 'A webhook URL has no fragment.';
  if (text.length > 2000) return 'A webhook URL has at most 2000 characters.';
  const host = hostOf(url.hostname);
  if (net.isIP(host) && refusedAlways(host)) return `${host} is link-local, a metadata service or otherwise never reachable by webhooks.`;
  return url;
}

/** The entry of the allow-list that allows `url`, if any: an exact host before a wildcard. */
export function allowingEntry(url: URL, entries: readonly AllowEntry[]): AllowEntry | null {
  const scheme = url.protocol.slice(0, -1) as 'http' | 'https';
  const host = hostOf(url.hostname);
  const port = url.port ? Number(url.port) : DEFAULT_PORT[scheme];
  const fits = entries.filter((e) => e.scheme === scheme && e.port === port && (e.wildcard ? host.endsWith(`.${e.host}`) : host === e.host));
  return fits.find((e) => !e.wildcard) ?? fits[0] ?? null;
}

/** The allow-list as stored (its entries are checked when set; one unreadable is skipped). */
export const parseAllowList = (stored: readonly string[]): AllowEntry[] =>
  stored.map(parseAllowEntry).filter((e): e is AllowEntry => typeof e !== 'string');

/** Resolves a host to its addresses (an IP literal to itself). */
export type Resolve = (host: string) => Promise<string[]>;

export const resolveHost: Resolve = async (host) => (net.isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address));

/** Where a delivery connects: the address checked, and the host name for Host and SNI. */
export interface Destination {
  url: URL;
  address: string;
  host: string;
}

/**
 * Checks a webhook URL at delivery time against the allow-list read now, resolves its host and picks an address it may
 * connect to: every address the name resolves to must pass (a name that resolves to one public and one internal
 * address is refused, rather than hoping for the public one). Throws with the reason otherwise.
 */
export async function checkDestination(text: string, allowList: readonly string[], resolve: Resolve = resolveHost): Promise<Destination> {
  const url = parseWebhookUrl(text);
  if (typeof url === 'string') throw new Error(url);
  const entry = allowingEntry(url, parseAllowList(allowList));
  if (!entry) throw new Error(`${url.origin} is not on the webhook allow-list (any more).`);
  const host = hostOf(url.hostname);
  const addresses = await resolve(host).catch((err: Error) => {
    throw new Error(`${host} does not resolve: ${err.message}`);
  });
  if (addresses.length === 0) throw new Error(`${host} does not resolve.`);
  for (const address of addresses) {
    if (refusedAlways(address)) throw new Error(`${host} resolves to ${address}: link-local or a metadata service, never reached by webhooks.`);
    if (isInternal(address) && entry.wildcard) throw new Error(`${host} resolves to ${address}, an internal address the allow-list does not name.`);
  }
  return { url, address: addresses[0]!, host };
}
