// The authorization matrix, through the running portal. Every page, route handler and
// server action is listed from the file system and the build's action manifest, and
// each must declare its access rule here: an undeclared (or removed) entry fails. Then
// each is tried as every kind of caller: anonymous, a user without an organisation, a
// viewer, a developer and an owner of an organisation, an owner of another organisation,
// and a COPA admin. Server actions are called directly (Next-Action), never only through
// the buttons a page chooses to show, so removing the admin check from the action
// wrapper, or a role check from an action, fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signIn, type TestPartner } from "./fixtures";
import { approvedKeyFor, submitRequestFor } from "./partner-support";
import { factory } from "./support/factory";

type Access = "public" | "user" | "partner" | "key-manager" | "owner" | "admin";
type Caller = "anonymous" | "no-organisation" | "viewer" | "developer" | "owner" | "admin";

/** Who may do what. Partners: viewer < developer (key manager) < owner. */
const ALLOWED: Record<Access, Caller[]> = {
  public: ["anonymous", "no-organisation", "viewer", "developer", "owner", "admin"],
  user: ["no-organisation", "viewer", "developer", "owner", "admin"],
  partner: ["viewer", "developer", "owner"],
  "key-manager": ["developer", "owner"],
  owner: ["owner"],
  admin: ["admin"],
};

/** Every server action, by file and export name. */
const ACTIONS: Record<string, Access> = {
  "app/(auth)/sign-up/actions.ts#signUpAction": "public",
  "app/(auth)/verify-email/actions.ts#verifyEmailAction": "public",
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": "public",
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": "public",
  "app/(partner)/account/actions.ts#resendVerificationAction": "user",
  "lib/i18n/actions.ts#setLocaleAction": "public",
  "app/(partner)/onboarding/actions.ts#createOrganizationAction": "user",
  "app/(partner)/account/actions.ts#changePasswordAction": "user",
  "app/(partner)/account/actions.ts#signOutEverywhereAction": "user",
  "app/(partner)/account/actions.ts#endSessionAction": "user",
  "app/(partner)/account/actions.ts#saveNotificationPreferencesAction": "user",
  "app/(partner)/notifications/actions.ts#markNotificationReadAction": "user",
  "app/(partner)/notifications/actions.ts#markAllNotificationsReadAction": "user",
  "app/(partner)/account/two-factor/actions.ts#startTwoFactorEnrolmentAction": "user",
  "app/(partner)/account/two-factor/actions.ts#confirmTwoFactorEnrolmentAction": "user",
  "app/(partner)/account/two-factor/actions.ts#disableTwoFactorAction": "user",
  "lib/auth/step-up-actions.ts#stepUpAction": "user",
  "app/(partner)/team/actions.ts#inviteMemberAction": "owner",
  "app/(partner)/team/actions.ts#resendInvitationAction": "owner",
  "app/(partner)/team/actions.ts#revokeInvitationAction": "owner",
  "app/(partner)/team/actions.ts#leaveOrganizationAction": "partner",
  "app/(auth)/invitations/accept/actions.ts#acceptInvitationAction": "user",
  "app/(partner)/team/actions.ts#changeMemberRoleAction": "owner",
  "app/(partner)/team/actions.ts#removeMemberAction": "owner",
  "app/(partner)/requests/actions.ts#submitAccessRequestAction": "key-manager",
  "app/(partner)/requests/actions.ts#withdrawAccessRequestAction": "key-manager",
  "app/(partner)/requests/actions.ts#resubmitAccessRequestAction": "key-manager",
  "app/(partner)/keys/actions.ts#revealKeyAction": "key-manager",
  "app/(partner)/keys/actions.ts#rotateKeyAction": "key-manager",
  "app/(partner)/keys/actions.ts#revokeKeyAction": "key-manager",
  "app/(partner)/keys/actions.ts#requestScopeChangeAction": "key-manager",
  "app/(partner)/keys/actions.ts#withdrawScopeChangeAction": "key-manager",
  "app/(partner)/keys/actions.ts#setKeyAllowlistAction": "key-manager",
  "app/(partner)/keys/actions.ts#renameKeyAction": "key-manager",
  "app/(partner)/keys/actions.ts#endGracePeriodAction": "key-manager",
  "app/(partner)/keys/actions.ts#narrowKeyToUsedScopesAction": "key-manager",
  "app/(admin)/admin/requests/actions.ts#bulkApproveAction": "admin",
  "app/(admin)/admin/requests/actions.ts#bulkRejectAction": "admin",
  "lib/leaks/actions.ts#updateLeakSettingsAction": "admin",
  "lib/leaks/actions.ts#reportLeakAction": "admin",
  "lib/leaks/actions.ts#releaseQuarantineAction": "admin",
  "app/(admin)/admin/requests/[id]/actions.ts#approveRequestAction": "admin",
  "app/(admin)/admin/requests/[id]/actions.ts#rejectRequestAction": "admin",
  "app/(admin)/admin/requests/[id]/actions.ts#requestChangesAction": "admin",
  "app/(admin)/admin/keys/[id]/actions.ts#adminRevokeKeyAction": "admin",
  "app/(admin)/admin/keys/[id]/actions.ts#decideScopeChangeAction": "admin",
  "app/(admin)/admin/organisations/[id]/actions.ts#suspendOrganizationAction": "admin",
  "app/(admin)/admin/organisations/[id]/actions.ts#reactivateOrganizationAction": "admin",
  "app/(admin)/admin/organisations/[id]/actions.ts#setCopaRunAction": "admin",
  "app/(admin)/admin/users/[id]/actions.ts#setUserDisabledAction": "admin",
  "app/(admin)/admin/users/[id]/actions.ts#setUserRoleAction": "admin",
  "app/(admin)/admin/users/[id]/actions.ts#revokeUserSessionsAction": "admin",
  "lib/gateway/actions.ts#issueGatewayCredentialAction": "admin",
  "lib/gateway/actions.ts#revokeGatewayCredentialAction": "admin",
  "lib/usage/actions.ts#updateKeyRateLimitsAction": "admin",
  "lib/admin/actions.ts#searchOrganizationsAction": "admin",
  "lib/review/actions.ts#updateKeyPolicyAction": "admin",
  "app/(admin)/admin/requests/[id]/actions.ts#confirmRequestAction": "admin",
};

/** Every page, by route. */
const PAGES: Record<string, Access> = {
  "/": "public",
  "/sign-in": "public",
  "/sign-up": "public",
  "/verify-email": "public",
  "/forgot-password": "public",
  "/reset-password": "public",
  "/invitations/accept": "public",
  "/docs": "public",
  "/docs/authentication": "public",
  "/docs/errors": "public",
  "/docs/quickstart": "public",
  "/docs/rate-limits": "public",
  "/docs/reference": "public",
  "/docs/scopes": "public",
  "/privacy": "public",
  "/terms": "public",
  "/onboarding": "user",
  "/account": "user",
  "/activity": "partner",
  "/account/two-factor": "user",
  "/notifications": "user",
  "/dashboard": "partner",
  "/keys": "partner",
  "/keys/[id]": "partner",
  "/keys/unused": "partner",
  "/requests": "partner",
  "/requests/[id]": "partner",
  "/requests/new": "partner",
  "/team": "partner",
  "/admin": "admin",
  "/admin/audit": "admin",
  "/admin/gateway": "admin",
  "/admin/leaks": "admin",
  "/admin/mail": "admin",
  "/admin/mail/[id]": "admin",
  "/admin/keys": "admin",
  "/admin/keys/[id]": "admin",
  "/admin/keys/unused": "admin",
  "/admin/organisations": "admin",
  "/admin/organisations/[id]": "admin",
  "/admin/requests": "admin",
  "/admin/requests/[id]": "admin",
  "/admin/scope-changes": "admin",
  "/admin/review-rules": "admin",
  "/admin/policy": "admin",
  "/admin/users": "admin",
  "/admin/users/[id]": "admin",
};

/** Every route handler: who may call it is the handler's own business, declared here. */
const ROUTE_HANDLERS: Record<string, string> = {
  "/api/auth/[...nextauth]": "next-auth (public by design)",
  "/api/health": "public health check",
  "/admin/audit/export": "admin (lib/auth/route adminRoute), tested in tests/integration/audit-export.test.ts",
  "/activity/export": "owner (lib/auth/route partnerRoute), tested in tests/integration/audit-export.test.ts",
  "/api/[...path]": "the API app: API keys and gateway credentials, tested in tests/integration/api-*.test.ts",
};

const ROOT = path.resolve(__dirname, "..");

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, name) : e.name === name ? [full] : [];
  });
}

/** app/(admin)/admin/keys/[id]/page.tsx -> /admin/keys/[id] */
const routeOf = (file: string) =>
  "/" +
  path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/");

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
function actionManifest(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    // The action is served on the pages that import it; any one of them will do, a public
    // one first (an action in the site header is on every page, and the proxy's comfort
    // redirect of a protected page would hide what the action itself answers).
    const pages = Object.keys(entry.workers).filter((w) => w.startsWith("app/") && w.endsWith("/page"));
    const worker = pages.find((w) => PAGES[routeOf(path.join(ROOT, w)) as keyof typeof PAGES] === "public") ?? pages[0] ?? Object.keys(entry.workers)[0];
    out.set(`${entry.filename}#${entry.exportedName}`, { id, page: routeOf(path.join(ROOT, worker)) });
  }
  return out;
}

// The action's own answer ({"ok":false,"error":...}), not words that the re-rendered page
// may carry (every page now ships the shared messages, these refusals among them).
const REFUSED = [/"error":"Your session has ended/, /"error":"Create your organisation first/, /"error":"Your role \([a-z]+\) cannot do this/, /"error":"Not found\."/];

type Principal = { caller: Caller; request: APIRequestContext; close: () => Promise<void> };

async function principal(browser: Browser, caller: Caller, credentials?: { email: string; password: string; totpSecret?: string }): Promise<Principal> {
  const context = await browser.newContext();
  if (credentials) await signIn(await context.newPage(), credentials.email, credentials.password, { totpSecret: credentials.totpSecret });
  return { caller, request: context.request, close: () => context.close() };
}

test.describe("authorization matrix", () => {
  test("every page, route handler and server action declares its access rule", () => {
    const pages = files(path.join(ROOT, "app"), "page.tsx").map(routeOf).sort();
    expect(pages).toEqual(Object.keys(PAGES).sort());
    const handlers = files(path.join(ROOT, "app"), "route.ts").map(routeOf).sort();
    expect(handlers).toEqual(Object.keys(ROUTE_HANDLERS).sort());
    // Every "use server" export that the build knows, and nothing declared that it does not.
    expect([...actionManifest().keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const file of files(path.join(ROOT, "app"), "actions.ts")) {
      const source = readFileSync(file, "utf8");
      for (const [, name] of source.matchAll(/^export const (\w+)/gm)) expect(ACTIONS, `${path.relative(ROOT, file)}#${name}`).toHaveProperty([`${path.relative(ROOT, file)}#${name}`]);
    }
  });

  test("server actions refuse every caller their rule does not name, called directly", async ({ browser }) => {
    test.slow();
    const owner = await factory<TestPartner>("createPartner", {});
    const callers: Principal[] = [
      await principal(browser, "anonymous"),
      await principal(browser, "no-organisation", await factory("createAccount", {})),
      await principal(browser, "viewer", await factory("createPartner", { role: "viewer", organizationId: owner.organizationId })),
      await principal(browser, "developer", await factory("createPartner", { role: "developer", organizationId: owner.organizationId })),
      await principal(browser, "owner", owner),
      await principal(browser, "admin", await factory("createAdmin", {})),
    ];
    const manifest = actionManifest();
    const problems: string[] = [];
    // Actions that act on the caller's own account when given nothing (start or turn off
    // two-factor, sign out everywhere) go last, signing out everywhere the very last.
    // Leaving the organisation (which the viewer and developer then have done) comes after
    // every action that needs a membership.
    const rank = (name: string) => (name.endsWith("#signOutEverywhereAction") ? 3 : name.endsWith("#leaveOrganizationAction") ? 2 : /TwoFactor(Enrolment)?Action$/.test(name) ? 1 : 0);
    const order = Object.entries(ACTIONS).sort(([a], [b]) => rank(a) - rank(b));
    for (const [name, access] of order) {
      const { id, page } = manifest.get(name)!;
      const url = page.replaceAll("[id]", "00000000-0000-4000-8000-000000000000");
      for (const p of callers) {
        const response = await p.request.post(url, {
          headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
          data: JSON.stringify([{}]),
          maxRedirects: 0,
        });
        const text = await response.text();
        // The comfort redirect of proxy.ts to sign-in also means "not executed".
        const refused = REFUSED.some((r) => r.test(text)) || (response.status() >= 300 && response.status() < 400 && /sign-in/.test(response.headers().location ?? ""));
        const allowed = ALLOWED[access].includes(p.caller);
        if (allowed === refused) problems.push(`${name} as ${p.caller}: ${allowed ? "refused" : "NOT refused"} (${response.status()} ${text.slice(-160).replace(/\s+/g, " ")})`);
        if (response.status() >= 500) problems.push(`${name} as ${p.caller}: ${response.status()}`);
      }
    }
    for (const p of callers) await p.close();
    expect(problems).toEqual([]);
  });

  test("pages answer each caller as their rule says", async ({ browser }) => {
    test.slow();
    const owner = await factory<TestPartner>("createPartner", {});
    const key = await approvedKeyFor(owner);
    const pending = await submitRequestFor(owner);
    const ids: Record<string, string> = {
      "/keys/[id]": key.keyId,
      "/requests/[id]": pending.requestId,
      "/admin/keys/[id]": key.keyId,
      "/admin/requests/[id]": pending.requestId,
      "/admin/organisations/[id]": owner.organizationId,
      "/admin/users/[id]": owner.userId,
      "/admin/mail/[id]": (await factory<{ id: string }>("latestMail", { to: owner.email })).id,
    };
    const callers: Principal[] = [
      await principal(browser, "anonymous"),
      await principal(browser, "owner", owner),
      await principal(browser, "admin", await factory("createAdmin", {})),
    ];
    const problems: string[] = [];
    for (const [route, access] of Object.entries(PAGES)) {
      const url = route.replace("[id]", ids[route] ?? "");
      for (const p of callers) {
        const response = await p.request.get(url, { maxRedirects: 0 });
        const status = response.status();
        const location = response.headers().location ?? "";
        const allowed = ALLOWED[access].includes(p.caller);
        if (status >= 500) problems.push(`${route} as ${p.caller}: ${status}`);
        // Allowed: the page, or a comfort redirect within what the caller may see (a signed-in
        // user on /sign-in goes to the dashboard, the dashboard to the keys).
        else if (allowed && (status >= 400 || /\/sign-in/.test(location))) problems.push(`${route} as ${p.caller}: ${status} ${location}, expected the page`);
        else if (!allowed && status === 200) problems.push(`${route} as ${p.caller}: 200, expected a refusal (redirect or 404)`);
      }
    }
    for (const p of callers) await p.close();
    expect(problems).toEqual([]);
  });

  test("an owner of another organisation cannot act on this one's keys and requests", async ({ browser }) => {
    const victim = await factory<TestPartner>("createPartner", {});
    const key = await approvedKeyFor(victim);
    const pending = await submitRequestFor(victim);
    const attacker = await principal(browser, "owner", await factory("createPartner", {}));
    const manifest = actionManifest();
    const attempts: [string, unknown][] = [
      ["app/(partner)/keys/actions.ts#revealKeyAction", { keyId: key.keyId }],
      ["app/(partner)/keys/actions.ts#rotateKeyAction", { keyId: key.keyId, grace: "now" }],
      ["app/(partner)/keys/actions.ts#revokeKeyAction", { keyId: key.keyId, confirmName: key.keyName }],
      ["app/(partner)/keys/actions.ts#requestScopeChangeAction", { keyId: key.keyId, add: [], remove: ["cooperatives:read"], reason: "We no longer need this scope at all." }],
      ["app/(partner)/keys/actions.ts#setKeyAllowlistAction", { keyId: key.keyId, allowedIps: "203.0.113.0/24" }],
      ["app/(partner)/keys/actions.ts#renameKeyAction", { keyId: key.keyId, name: "Hijacked" }],
      ["app/(partner)/keys/actions.ts#endGracePeriodAction", { keyId: key.keyId }],
      ["app/(partner)/keys/actions.ts#narrowKeyToUsedScopesAction", { keyId: key.keyId }],
      ["app/(partner)/requests/actions.ts#withdrawAccessRequestAction", { requestId: pending.requestId }],
      ["app/(partner)/requests/actions.ts#resubmitAccessRequestAction", {
        requestId: pending.requestId,
        message: "Changed as asked",
        request: { keyName: "Hijack", keyType: "partner", environment: "sandbox", useCase: "A valid use case that is long enough to pass the schema check.", scopes: ["cooperatives:read"], justifications: {} },
      }],
    ];
    for (const [name, input] of attempts) {
      const { id, page } = manifest.get(name)!;
      const response = await attacker.request.post(page.replaceAll("[id]", "00000000-0000-4000-8000-000000000000"), {
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([input]),
      });
      const text = await response.text();
      expect(text, name).toContain('"ok":false');
      expect(text, name).not.toContain("sk_copa_");
    }
    expect(await factory<{ status: string; scopes: string }>("keyRow", { keyId: key.keyId })).toMatchObject({ status: "pending", scopes: "cooperatives:read members:read" });
    expect((await factory<{ status: string }>("requestState", { requestId: pending.requestId })).status).toBe("pending");
    await attacker.close();
  });
});
