// The API's own request and reply, independent of the server that carries them.
//
// The same handlers answer through two servers: Next.js route handlers (`next dev`, and
// anything Next serves) and the lean node:http front that `npm start` puts before Next
// for the machine APIs (lib/api/front.ts). Handlers therefore see only this small
// interface, and a reply is plain data that each server writes in its own way; no
// handler can depend on which server runs it.

/** Case-insensitive header lookup, as `Headers.get` does. */
export type HeaderReader = { get(name: string): string | null };

export interface ApiRequest {
  readonly method: string;
  /** The absolute URL the client addressed (pagination links are built from it). */
  readonly url: string;
  readonly headers: HeaderReader;
  /** The body as UTF-8 text; rejects with BodyTooLargeError past `limit` bytes. */
  text(limit: number): Promise<string>;
}

export type ApiReply = { status: number; headers: Record<string, string>; body: string };

export class BodyTooLargeError extends Error {
  constructor() {
    super("request body too large");
    this.name = "BodyTooLargeError";
  }
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";
  // Incrementally, so a body without (or lying about) Content-Length cannot make the
  // server buffer more than the limit.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A Fetch API Request (what Next.js hands a route handler) as an ApiRequest. */
export function fromWebRequest(request: Request): ApiRequest {
  return { method: request.method, url: request.url, headers: request.headers, text: (limit) => readLimited(request, limit) };
}

export function toWebResponse(reply: ApiReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
