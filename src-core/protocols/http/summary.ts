/**
 * One-line summaries of HTTP messages for the trace, as Wireshark's Info
 * column puts them: "GET /index.html HTTP/1.1", "HTTP/1.1 200 OK
 * (text/html)". The media type is named only when there is a body.
 */
import { headerValue, type HttpRequest, type HttpResponse } from './message';

export function requestSummary(request: HttpRequest): string {
  return `${request.method} ${request.target} ${request.version}`;
}

export function responseSummary(response: HttpResponse, method?: string): string {
  const type = headerValue(response.headers, 'content-type')?.split(';')[0]!.trim();
  const line = `${response.version} ${response.status} ${response.reason}`.trimEnd();
  return type !== undefined && response.body.length > 0 && method !== 'HEAD' ? `${line} (${type})` : line;
}
