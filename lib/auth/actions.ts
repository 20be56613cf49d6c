// The only way to build a server action. Each wrapper authenticates from the database,
// checks the role, parses the input with the same zod schema the form used, and maps
// errors to a typed result the UI shows. Never export an unwrapped function from a
// "use server" file: every export is a public endpoint.
import { headers } from "next/headers";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { ServiceError, type RelatedRecord, type ServiceErrorCode } from "@/lib/errors";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/translate-message";
import { requestTranslator } from "@/lib/i18n/translator";
import { clientIp } from "@/lib/net/client-ip";
import { getCurrentUser, type CurrentUser, type MembershipRole, type PartnerUser } from "./session";
import { hasTwoFactor } from "./two-factor/service";

export type FieldErrors = Record<string, string>;
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: FieldErrors; code?: ServiceErrorCode; related?: RelatedRecord };

export type ActionContext = { ip: string | null };

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * The caller's address for the audit log, from the one trusted function. Next.js does not
 * show actions the socket, so without a declared proxy (COPA_TRUST_PROXY) the address is
 * unknown (null), never the X-Forwarded-For a client chose to send.
 */
async function actionClientIp(): Promise<string | null> {
  const h = await headers();
  return clientIp({ socketAddress: null, forwardedFor: h.get("x-forwarded-for"), trustProxy: getEnv().COPA_TRUST_PROXY });
}

/** The reader's translator: every message an action answers is in their language. */
const translator = requestTranslator;

/** A refusal from a wrapper, in the reader's language. */
async function refuse(key: string, values?: Record<string, string | number>, code?: ServiceErrorCode): Promise<ActionResult<never>> {
  const t = await translator();
  return { ok: false, error: translateMessage(t, key, values), ...(code ? { code } : {}) };
}

async function run<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    // The code lets the UI react (step_up_required opens the "confirm it is you" dialog);
    // a related record lets it link to it (an identical pending request). Messages that
    // are keys are translated here, at the edge, into the reader's language.
    if (error instanceof ServiceError) {
      const t = await translator();
      return {
        ok: false,
        error: translateMessage(t, error.message, error.values),
        fieldErrors: translateFieldErrors(t, error.fieldErrors, error.values),
        code: error.code,
        ...(error.related ? { related: error.related } : {}),
      };
    }
    // Next's redirect()/notFound() are thrown; let them through.
    if (error && typeof error === "object" && "digest" in error && typeof (error as { digest: unknown }).digest === "string" && /^NEXT_/.test((error as { digest: string }).digest)) throw error;
    console.error("action failed:", error instanceof Error ? error.message : "unknown error");
    return refuse("ui.actions.failed");
  }
}

// Async: some checks are (the common-password check in lib/auth/schemas).
async function parse<S extends z.ZodType>(schema: S, input: unknown): Promise<{ ok: true; data: z.infer<S> } | { ok: false; result: ActionResult<never> }> {
  const parsed = await schema.safeParseAsync(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const t = await translator();
  const fieldErrors = translateFieldErrors(t, fieldErrorsOf(parsed.error));
  return { ok: false, result: { ok: false, error: translateMessage(t, "ui.actions.correctFields"), fieldErrors } };
}

/** Anyone, signed in or not (sign-up). */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = await parse(schema, input);
    if (!parsed.ok) return parsed.result;
    return run(async () => handler(parsed.data, { ip: await actionClientIp() }));
  };
}

/** Any signed-in user (onboarding, account settings). */
export function userAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, user: CurrentUser, ctx: ActionContext) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return refuse("ui.actions.sessionEnded");
    const parsed = await parse(schema, input);
    if (!parsed.ok) return parsed.result;
    return run(async () => handler(parsed.data, user, { ip: await actionClientIp() }));
  };
}

/**
 * A member of an organisation acting on it. The organisation is always the caller's own,
 * from the database; no organisation id is ever taken from the client.
 */
export function partnerAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.infer<S>, user: PartnerUser, ctx: ActionContext) => Promise<T>,
  options: { roles?: MembershipRole[] } = {},
) {
  const roles = options.roles ?? ["owner", "developer", "viewer"];
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return refuse("ui.actions.sessionEnded");
    if (!user.membership) return refuse("ui.actions.noOrganisation");
    if (!roles.includes(user.membership.role)) {
      const t = await translator();
      return refuse("ui.actions.roleCannot", { role: translateMessage(t, `ui.roles.${user.membership.role}`) });
    }
    const parsed = await parse(schema, input);
    if (!parsed.ok) return parsed.result;
    return run(async () => handler(parsed.data, user as PartnerUser, { ip: await actionClientIp() }));
  };
}

/** A COPA admin with two-factor on. The role is re-read from the database on every call. */
export function adminAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, admin: CurrentUser, ctx: ActionContext) => Promise<T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return refuse("ui.actions.sessionEnded");
    if (user.role !== "admin") return refuse("ui.actions.notFound");
    // Two-factor is mandatory for admins, and this wrapper is where it is enforced (the
    // console's redirect to enrolment is only comfort).
    if (!(await hasTwoFactor(user.id))) {
      return refuse("ui.actions.twoFactorRequired", undefined, "two_factor_required");
    }
    const parsed = await parse(schema, input);
    if (!parsed.ok) return parsed.result;
    return run(async () => handler(parsed.data, user, { ip: await actionClientIp() }));
  };
}
