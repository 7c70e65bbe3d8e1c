/**
 * Scenario schemas of HTTP/1.x: the web server (a service, with the objects
 * it serves) and a page load by a browser (an action). See
 * docs/scenario-format.md, "HTTP".
 *
 * An object's body is one of: `content` (text, sent as it is), `embeds` (an
 * HTML page the server writes, referencing each path with the tag its media
 * type calls for, padded to `size` if given), or `size` bytes of a pattern
 * (an image, a video segment). The browser finds a page's objects in the
 * bytes it received (html-refs.ts), never in this file.
 */
import { nodeRefSchema, nonNegativeMsSchema, portSchema, positiveMsSchema } from '../../scenario/fields';
import { z } from '../../scenario/zod';

/**
 * The largest object a scenario may serve (16 MiB): each response is one
 * application message whose bytes the trace keeps whole, for the inspector
 * and the pcapng export.
 */
export const MAX_OBJECT_BYTES = 16 * 1024 * 1024;
/** Text a scenario writes out in full (content) stays small. */
export const MAX_CONTENT_CHARS = 100_000;
/** Browsers open at most this many connections to one server (RFC 9112 §9.4 leaves it to them; 6 is today's habit). */
export const MAX_CONNECTIONS_PER_HOST = 16;

export const BROWSE_MODES = ['non-persistent', 'persistent', 'pipelined'] as const;
export type BrowseMode = (typeof BROWSE_MODES)[number];

const pathSchema = z
  .string()
  .regex(/^\/[!$&'()*+,;=:@%A-Za-z0-9._~/-]*$/, 'bad path')
  .max(2000)
  .describe('a path starting with "/" (letters, digits and -._~!$&\'()*+,;=:@%/ only)');

const tokenText = (what: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x20-\x7e]+$/)
    .describe(`${what} (1 to 200 printable ASCII characters)`);

export const HttpObjectSchema = z
  .strictObject({
    path: pathSchema,
    /** Content-Type; by default from the path's extension (media-types.ts). */
    mediaType: tokenText('a media type such as "text/html" or "image/jpeg"').optional(),
    /** The body's length in bytes: of the pattern, or the generated page's (padded). */
    size: z.number().int().min(0).max(MAX_OBJECT_BYTES).describe(`an integer from 0 to ${MAX_OBJECT_BYTES} (bytes)`).optional(),
    content: z.string().max(MAX_CONTENT_CHARS).describe(`a text of at most ${MAX_CONTENT_CHARS} characters`).optional(),
    /** Paths (or absolute URLs) the generated HTML page references, in order. */
    embeds: z.array(z.string().min(1).max(2000).describe('a path or URL')).max(1000).optional(),
    /** Last-Modified, as an ISO date ("2026-11-02T08:00:00Z"); conditional GETs compare with it. */
    lastModified: z.iso.datetime().describe('an ISO date and time such as "2026-11-02T08:00:00Z"').optional(),
    /** ETag, without its quotes. */
    etag: z.string().regex(/^[!#-~]+$/).max(100).describe('an entity tag (printable characters, no quotes or spaces)').optional(),
    /** Cache-Control: max-age, seconds. */
    maxAgeS: z.number().int().min(0).max(31_536_000).describe('an integer from 0 to 31536000 (seconds)').optional(),
    /** A 301 to this path or URL instead of the object. */
    redirect: z.string().min(1).max(2000).describe('a path or URL').optional(),
  })
  .describe('an object (path, and size, content or embeds)');

/** The site's cookie: Set-Cookie on a first visit, the user's row in the back-end updated on later ones (server-cookies.ts). */
export const HttpCookieSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,40}$/)
      .describe('a cookie name (1 to 40 letters, digits or !#$%&\'*+.^_`|~-)')
      .default('id'),
    /** Max-Age, seconds; absent: a session cookie. */
    maxAgeS: z.number().int().min(1).max(31_536_000).describe('an integer from 1 to 31536000 (seconds)').optional(),
  })
  .describe('a cookie object');

export const HttpServerSchema = z
  .strictObject({
    type: z.literal('http-server'),
    port: portSchema.default(80),
    objects: z.array(HttpObjectSchema).max(10_000).default([]),
    cookie: HttpCookieSchema.optional(),
    /** A persistent connection left idle this long is closed by the server. */
    keepAliveTimeoutMs: positiveMsSchema.default(5000),
  })
  .describe('a service object');

/** A proxy cache (proxy.ts): browsers that name it send it every request. */
export const HttpProxySchema = z
  .strictObject({
    type: z.literal('http-proxy'),
    port: portSchema.default(3128),
    /** Keep a shared cache (RFC 9111); false: only pass requests on. */
    cache: z.boolean().default(true),
    /** The proxy's local DNS server, for the servers' names not in its node's hosts file. */
    resolver: nodeRefSchema.optional(),
    keepAliveTimeoutMs: positiveMsSchema.default(5000),
  })
  .describe('a service object');

export const HttpBrowseSchema = z
  .strictObject({
    type: z.literal('http-browse'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    /** http://host[:port]/path; the host is an IPv4 address, a name in the node's hosts file, or a name the resolver looks up. */
    url: z
      .string()
      .regex(/^http:\/\/[^\s/?#]+(\/[^\s#]*)?$/, 'bad url')
      .max(2000)
      .describe('an http:// URL such as "http://www.example.com/index.html"'),
    /** The host's local DNS server, asked for the URL's host name (and the host of every object referenced elsewhere). */
    resolver: nodeRefSchema.optional(),
    mode: z.enum(BROWSE_MODES).default('persistent').describe('"non-persistent", "persistent" or "pipelined"'),
    /** An explicit proxy (a node with an http-proxy): every request goes to it. */
    proxy: nodeRefSchema.optional(),
    /** Connections the browser opens to one server at a time (parallel connections). */
    maxConnections: z
      .number()
      .int()
      .min(1)
      .max(MAX_CONNECTIONS_PER_HOST)
      .default(1)
      .describe(`an integer from 1 to ${MAX_CONNECTIONS_PER_HOST} (connections per server)`),
  })
  .describe('an action object');

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;

/** One request of a method, with form fields (a query for GET, a urlencoded body for POST) or a body. */
export const HttpRequestSchema = z
  .strictObject({
    type: z.literal('http-request'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    url: HttpBrowseSchema.shape.url,
    resolver: nodeRefSchema.optional(),
    proxy: nodeRefSchema.optional(),
    method: z.enum(HTTP_METHODS).default('GET').describe('"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS" or "PATCH"'),
    /** A form's fields: after "?" in the URL for GET and HEAD, the body (application/x-www-form-urlencoded) otherwise. */
    form: z
      .array(z.strictObject({ name: z.string().min(1).max(200), value: z.string().max(2000) }).describe('a form field (name and value)'))
      .max(100)
      .optional(),
    /** A body as text (PUT a file), with its type. */
    body: z.string().max(MAX_CONTENT_CHARS).describe(`a text of at most ${MAX_CONTENT_CHARS} characters`).optional(),
    contentType: tokenText('a media type such as "text/plain"').optional(),
  })
  .describe('an action object');

/** The institution's users: Poisson arrivals of requests for objects picked at random (population.ts). */
export const HttpPopulationSchema = z
  .strictObject({
    type: z.literal('http-population'),
    atMs: nonNegativeMsSchema,
    node: nodeRefSchema,
    urls: z.array(HttpBrowseSchema.shape.url).min(1).max(100),
    /** Mean arrivals per second. */
    ratePerSecond: z.number().gt(0).max(1000).describe('a number above 0, at most 1000 (requests per second)'),
    count: z.number().int().min(1).max(10_000).describe('an integer from 1 to 10000 (requests)'),
    proxy: nodeRefSchema.optional(),
  })
  .describe('an action object');

export const HTTP_SERVICE_SCHEMAS = [HttpServerSchema, HttpProxySchema] as const;
export const HTTP_ACTION_SCHEMAS = [HttpBrowseSchema, HttpRequestSchema, HttpPopulationSchema] as const;

export type HttpObject = z.output<typeof HttpObjectSchema>;
export type HttpServerService = z.output<typeof HttpServerSchema>;
export type HttpProxyService = z.output<typeof HttpProxySchema>;
export type HttpBrowseAction = z.output<typeof HttpBrowseSchema>;
export type HttpRequestAction = z.output<typeof HttpRequestSchema>;
export type HttpPopulationAction = z.output<typeof HttpPopulationSchema>;
