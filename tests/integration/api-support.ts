// Helpers for the /api/v1 integration tests: real keys through the real services, and
// calls into the API app that both servers run, with real Request objects.
import { setOrganizationCopaRun } from "@/lib/admin/organizations";
import { createApiApp, type ApiApp } from "@/lib/api/app";
import { db } from "@/lib/db";
import { revealKey } from "@/lib/keys/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveOrRecordFirstApproval, confirmAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { seedSandbox } from "@/lib/sandbox/seed";
import { scopeRequiresJustification } from "@/lib/scopes/catalog";
import { makeAdmin, makePartner } from "../support/factories";

export const ALL_SCOPES = [
  "cooperatives:read",
  "cooperatives:write",
  "members:read",
  "members:write",
  "loans:read",
  "loans:write",
  "payments:read",
  "payments:write",
] as const;

export type IssuedKey = { secret: string; keyId: string; organizationId: string };

/**
 * A revealed key of a fresh organisation: submitted, approved by an admin, revealed once.
 * Keys obey the key policy (lib/keys/policy.ts) like any other: a system key's
 * organisation is first marked COPA-run by the admin, and scopes must suit the type.
 */
export async function issueKey(
  scopes: readonly string[],
  options: { environment?: "sandbox" | "production"; keyType?: "partner" | "webhook" | "mobile" | "system"; limits?: { hour?: number; day?: number } } = {},
): Promise<IssuedKey> {
  const partner = await makePartner();
  const admin = await makeAdmin();
  if (options.keyType === "system") await setOrganizationCopaRun({ organizationId: partner.membership.organizationId, copaRun: true }, admin, null);
  const request = accessRequestSchema.parse({
    keyName: "Integration test key",
    keyType: options.keyType ?? "partner",
    environment: options.environment ?? "sandbox",
    useCase: "Integration tests of the sandbox API: every endpoint, error and limit.",
    scopes,
    justifications: Object.fromEntries(scopes.filter(scopeRequiresJustification).map((s) => [s, "Exercising the write endpoints in tests."])),
  });
  const { id } = await submitAccessRequest(request, partner, null);
  // A grant under the two-person rule (a system key, production writes) is confirmed by a second admin.
  const first = await approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId: id, grantedScopes: [...scopes] }), admin, null);
  const keyId = first.keyId ?? (await confirmAccessRequest(id, await makeAdmin(), null)).keyId;
  const { secret } = await revealKey(keyId, partner, null);
  if (options.limits) await db.apiKey.update({ where: { id: keyId }, data: { rateLimitHour: options.limits.hour ?? null, rateLimitDay: options.limits.day ?? null } });
  return { secret, keyId, organizationId: partner.membership.organizationId };
}

export async function seeded() {
  await seedSandbox(db);
  const cooperative = await db.cooperative.findFirstOrThrow({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const member = await db.member.findFirstOrThrow({ where: { cooperativeId: cooperative.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { cooperative, member };
}

export type CallOptions = {
  key?: string | null;
  /** How to send the key (default Bearer). */
  via?: "bearer" | "x-api-key";
  headers?: Record<string, string>;
  /** JSON-serialised unless a string. */
  body?: unknown;
  /** The TCP peer's address, as @hono/node-server hands it to the app (default 203.0.113.7). */
  ip?: string | null;
  /** Another instance of the app (e.g. with a pinned clock); default the shared one. */
  app?: ApiApp;
};

export type CallResult = { status: number; headers: Headers; text: string; json: unknown };

let shared: ApiApp | undefined;

/** The app both servers run (lib/api/app.ts), as the tests' way in. */
export const apiApp = () => (shared ??= createApiApp());

/**
 * Calls the API app exactly as its servers do: a Request for http://sandbox.test/api/v1{path}
 * (or the /api/... path given), with the socket address @hono/node-server would pass.
 */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.key !== undefined && options.key !== null) {
    if (options.via === "x-api-key") headers.set("X-API-Key", options.key);
    else headers.set("Authorization", `Bearer ${options.key}`);
  }
  const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const url = `http://sandbox.test${path.startsWith("/api/") ? path : `/api/v1${path}`}`;
  const request = new Request(url, { method, headers, body });
  const socket = options.ip === null ? {} : { remoteAddress: options.ip ?? "203.0.113.7" };
  const response = await (options.app ?? apiApp()).fetch(request, { incoming: { socket } });
  const text = method === "HEAD" ? "" : await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const MALFORMED_KEY = "sk_copa_partner_NOT-A-VALID-KEY";
export const UNKNOWN_KEY = "sk_copa_partner_0000000000000000000000000000zzzz";
export const INVALID_KEY_BODY = '{"detail":"Invalid API key"}';
export const INSUFFICIENT_SCOPE_BODY = '{"detail":"Insufficient scope"}';
export const NOT_FOUND_BODY = '{"detail":"Not found."}';
