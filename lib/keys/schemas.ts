import { z } from "zod";
import { ROTATION_GRACE_IDS } from "./status";
import { SCOPE_IDS } from "@/lib/scopes/catalog";
import { messageWithValues } from "@/lib/i18n/translate-message";

export const keyIdSchema = z.object({ keyId: z.string().uuid("keys.errors.unknownKey") });

export const rotateKeySchema = z.object({
  keyId: z.string().uuid("keys.errors.unknownKey"),
  grace: z.enum(ROTATION_GRACE_IDS, { message: "keys.errors.graceChoose" }),
});
export type RotateKeyInput = z.input<typeof rotateKeySchema>;

export const revokeKeySchema = z.object({
  keyId: z.string().uuid("keys.errors.unknownKey"),
  confirmName: z.string().trim().min(1, "keys.errors.confirmNameRequired"),
  reason: z.string().trim().max(500, "keys.errors.revokeReasonLong").optional().default(""),
});
export type RevokeKeyInput = z.input<typeof revokeKeySchema>;

export const keyLimitsSchema = z.object({
  keyId: z.string().uuid("keys.errors.unknownKey"),
  rateLimitHour: z.coerce.number().int().min(1, "keys.errors.limitAtLeastOne").max(1_000_000, messageWithValues("keys.errors.limitAtMost", { max: 1_000_000 })).nullable(),
  rateLimitDay: z.coerce.number().int().min(1, "keys.errors.limitAtLeastOne").max(10_000_000, messageWithValues("keys.errors.limitAtMost", { max: 10_000_000 })).nullable(),
});

const scopeIdList = z.array(z.enum(SCOPE_IDS, { message: "keys.errors.unknownScope" })).max(SCOPE_IDS.length).refine((list) => new Set(list).size === list.length, "keys.errors.scopeTwice");

/** A partner asks to add and/or remove scopes on one of their keys. */
export const scopeChangeRequestSchema = z
  .object({
    keyId: z.string().uuid("keys.errors.unknownKey"),
    add: scopeIdList.default([]),
    remove: scopeIdList.default([]),
    reason: z.string().trim().min(20, "keys.errors.changeReasonShort").max(1000, "keys.errors.changeReasonLong"),
  })
  .superRefine((value, ctx) => {
    if (value.add.length + value.remove.length === 0) ctx.addIssue({ code: "custom", path: ["add"], message: "keys.errors.chooseScope" });
    const both = value.add.filter((s) => value.remove.includes(s));
    if (both.length) ctx.addIssue({ code: "custom", path: ["remove"], message: messageWithValues("keys.errors.addAndRemove", { scopes: both.join(", ") }) });
  });
export type ScopeChangeRequestInput = z.input<typeof scopeChangeRequestSchema>;

export const scopeChangeDecisionSchema = z
  .object({
    changeId: z.string().uuid("Unknown scope change"),
    decision: z.enum(["approve", "reject"], { message: "Choose approve or reject" }),
    note: z.string().trim().max(1000, "Use at most 1,000 characters").optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "reject" && value.note.length < 10) ctx.addIssue({ code: "custom", path: ["note"], message: "Give the partner a reason (at least 10 characters)" });
  });
export type ScopeChangeDecisionInput = z.input<typeof scopeChangeDecisionSchema>;

export const scopeChangeIdSchema = z.object({ changeId: z.string().uuid("Unknown scope change") });

/** A key's IP allowlist as typed (one entry a line; lib/net/allowlist.ts validates each). */
export const keyAllowlistSchema = z.object({
  keyId: z.string().uuid("keys.errors.unknownKey"),
  allowedIps: z.string().max(4000, "keys.errors.allowlistTooLong"),
});
export type KeyAllowlistInput = z.input<typeof keyAllowlistSchema>;

export const renameKeySchema = z.object({
  keyId: z.string().uuid("keys.errors.unknownKey"),
  // The same rule as a request's key name (lib/requests/schemas.ts).
  name: z
    .string()
    .trim()
    .min(3, "keys.errors.nameShort")
    .max(60, "keys.errors.nameLong")
    .regex(/^[\p{L}\p{N} ._()-]+$/u, "keys.errors.nameCharacters"),
});
export type RenameKeyInput = z.input<typeof renameKeySchema>;
