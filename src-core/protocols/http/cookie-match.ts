/**
 * Which hosts and paths a cookie belongs to: domain-match (RFC 6265
 * §5.1.3), default-path and path-match (§5.1.4), and the stand-in for the
 * public suffix list (§5.3 step 5).
 */

/** A literal IPv4 address (dotted decimal) or a bracketed IPv6 address as the URL class writes hosts. */
export function isIpAddress(host: string): boolean {
  return /^\[[0-9a-f:.]+\]$/i.test(host) || /^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$/.test(host);
}

/**
 * Domain-match (RFC 6265 §5.1.3): `host` is `domain`, or ends with "." +
 * `domain` and is a host name, not an IP address. Both in canonical form
 * (lower case, A-labels).
 */
export function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return host.endsWith(`.${domain}`) && domain !== '' && !isIpAddress(host);
}

/**
 * The default-path of a request path (RFC 6265 §5.1.4): the path up to, not
 * including, its last "/"; "/" when that leaves nothing or the path does not
 * start with "/".
 */
export function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last === 0 ? '/' : requestPath.slice(0, last);
}

/**
 * Path-match (RFC 6265 §5.1.4): the cookie path is the request path, or a
 * prefix of it that ends with "/" or is followed in it by "/". So "/docs"
 * matches "/docs", "/docs/" and "/docs/a" but not "/docsearch".
 */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/**
 * Whether a Domain attribute names a public suffix (RFC 6265 §5.3 step 5),
 * such as "com", under which anyone may register. L7 Lab has no public
 * suffix list (https://publicsuffix.org): it counts only a single label
 * ("com", "org", "lab") as public, so `Domain=co.uk` is accepted where a
 * browser would refuse it. IP addresses are never public suffixes.
 */
export function isPublicSuffix(domain: string): boolean {
  return domain !== '' && !domain.includes('.') && !isIpAddress(domain);
}
