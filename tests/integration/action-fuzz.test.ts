// Generated inputs (fast-check) into every server action, called directly as a
// hand-made POST would call it, as an organisation owner and as an admin holding real,
// fresh sessions. Whatever comes in, an action answers with its typed result (never an
// exception, never the "something went wrong on our side" of an unexpected error: the
// action's 500), and a refused input leaves every domain table exactly as it was.
//
// Runs: ACTION_FUZZ_RUNS per action and caller (default 30 on SQLite, 8 on PostgreSQL; CI time).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SCOPE_IDS } from "@/lib/scopes/catalog";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
// Cache revalidation needs a Next request to act on; outside one it is nothing to test.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { actAs } = await import("../support/request");
const { db } = await import("@/lib/db");
const { closeApiStore } = await import("@/lib/api/store");
const { makeAdmin, makePartner } = await import("../support/factories");
const { issueKey } = await import("./api-support");

/** Every "use server" module: each export is a public endpoint. */
const MODULES = {
  signUp: await import("@/app/(auth)/sign-up/actions"),
  verifyEmail: await import("@/app/(auth)/verify-email/actions"),
  forgotPassword: await import("@/app/(auth)/forgot-password/actions"),
  resetPassword: await import("@/app/(auth)/reset-password/actions"),
  acceptInvitation: await import("@/app/(auth)/invitations/accept/actions"),
  onboarding: await import("@/app/(partner)/onboarding/actions"),
  account: await import("@/app/(partner)/account/actions"),
  twoFactor: await import("@/app/(partner)/account/two-factor/actions"),
  team: await import("@/app/(partner)/team/actions"),
  requests: await import("@/app/(partner)/requests/actions"),
  keys: await import("@/app/(partner)/keys/actions"),
  adminRequests: await import("@/app/(admin)/admin/requests/[id]/actions"),
  adminKeys: await import("@/app/(admin)/admin/keys/[id]/actions"),
  adminOrganisations: await import("@/app/(admin)/admin/organisations/[id]/actions"),
  adminUsers: await import("@/app/(admin)/admin/users/[id]/actions"),
  adminSearch: await import("@/lib/admin/actions"),
  gateway: await import("@/lib/gateway/actions"),
  stepUp: await import("@/lib/auth/step-up-actions"),
  usage: await import("@/lib/usage/actions"),
  locale: await import("@/lib/i18n/actions"),
  notifications: await import("@/app/(partner)/notifications/actions"),
};

const RUNS = Number(process.env.ACTION_FUZZ_RUNS ?? (process.env.TEST_DB_ENGINE === "postgres" ? 8 : 30));
const GENERIC_FAILURE = /Something went wrong on our side/;
type Action = (input: unknown) => Promise<unknown>;


/** Row counts of every domain table (audit events and throttle counters record refusals by design). */
async function domainCounts() {
  const [users, organizations, memberships, requests, keys, gateways, twoFactors, requestEvents, unreadNotifications, notificationPreferences] = await Promise.all([
    db.user.count(),
    db.organization.count(),
    db.membership.count(),
    db.accessRequest.count(),
    db.apiKey.count(),
    db.gatewayCredential.count(),
    db.twoFactor.count(),
    db.requestEvent.count(),
    db.notification.count({ where: { readAt: null } }),
    db.notificationPreference.count(),
  ]);
  return { users, organizations, memberships, requests, keys, gateways, twoFactors, requestEvents, unreadNotifications, notificationPreferences };
}

let ids: Record<string, string>;
let owner: { id: string };
let admin: { id: string };

beforeAll(async () => {
  const partner = await makePartner();
  owner = partner;
  admin = await makeAdmin();
  const key = await issueKey(["cooperatives:read"]);
  const member = await db.membership.findFirstOrThrow({ where: { organizationId: partner.membership.organizationId } });
  const request = await db.accessRequest.findFirstOrThrow({ where: { organizationId: key.organizationId } });
  // A notification of the key's owner (another user than both callers): never theirs to mark.
  const notification = await db.notification.findFirstOrThrow({ where: { user: { memberships: { some: { organizationId: key.organizationId } } } } });
  ids = { keyId: key.keyId, requestId: request.id, organizationId: partner.membership.organizationId, membershipId: member.id, userId: partner.id, notificationId: notification.id };
});
afterAll(() => closeApiStore());

const FIELDS = [
  "keyId", "requestId", "organizationId", "membershipId", "userId", "sessionId", "credentialId", "email", "name", "password", "currentPassword",
  "newPassword", "confirmPassword", "token", "invitationId", "code", "role", "disabled", "copaRun", "reason", "query", "keyName", "keyType", "environment", "useCase", "scopes", "grantedScopes",
  "justifications", "confirmName", "grace", "rateLimitHour", "rateLimitDay", "expiresInDays", "legalName", "kind", "country", "website", "contactEmail",
  "message", "request", "notificationId", "mail", "newRequestMail",
] as const;

const value = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
  fc.uuid().map(String),
  fc.constantFrom(...Object.keys({ a: 1 })).chain(() => fc.constantFrom("keyId", "requestId", "organizationId", "membershipId", "userId", "notificationId")).map((k) => `ID:${k}`),
  fc.subarray([...SCOPE_IDS]),
  fc.constantFrom("owner", "developer", "viewer", "admin", "partner", "sandbox", "production", "partner", "webhook", "mobile", "system", "now", "1h", "never", "bank", ""),
  fc.integer({ min: -10, max: 100_000 }),
  fc.boolean(),
);

const inputArb = fc.oneof(
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }) },
);

/** "ID:keyId" placeholders become the real ids of the owner's organisation. */
const realise = (input: unknown): unknown => {
  if (typeof input === "string" && input.startsWith("ID:")) return ids[input.slice(3)];
  if (Array.isArray(input)) return input.map(realise);
  if (input && typeof input === "object" && Object.getPrototypeOf(input) === Object.prototype) return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, realise(v)]));
  return input;
};

// Signing out everywhere (or ending sessions) would end the caller's session for the
// rest of the run; they are fuzzed too, last, each on a session of its own.
const ACTIONS = Object.entries(MODULES)
  .flatMap(([, module]) => Object.entries(module as Record<string, Action>))
  .sort(([a], [b]) => Number(/signOutEverywhere|revokeUserSessions/.test(a)) - Number(/signOutEverywhere|revokeUserSessions/.test(b)));

describe("generated inputs never break a server action", () => {
  it("covers every exported action", () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, action] of ACTIONS) {
    for (const caller of ["owner", "admin"] as const) {
      it(`${name} as ${caller}`, { timeout: 300_000 }, async () => {
        await fc.assert(
          fc.asyncProperty(inputArb, async (raw) => {
            await actAs(caller === "owner" ? owner : admin);
            const input = realise(raw);
            const before = await domainCounts();
            const result = (await action(input)) as { ok: boolean; error?: string };
            expect(typeof result?.ok, `${name}(${JSON.stringify(input)?.slice(0, 200)})`).toBe("boolean");
            if (!result.ok) {
              expect(typeof result.error).toBe("string");
              expect(result.error, `${name}(${JSON.stringify(input)?.slice(0, 200)})`).not.toMatch(GENERIC_FAILURE);
              expect(await domainCounts(), `${name} refused ${JSON.stringify(input)?.slice(0, 200)} but wrote`).toEqual(before);
            }
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});
