import { z } from "zod";

/** Sign-in answers (next-auth passes a thrown error's message to the form as `error`). */
export const TWO_FACTOR_REQUIRED = "TwoFactorRequired";
export const TWO_FACTOR_INVALID = "TwoFactorInvalid";
export const TWO_FACTOR_LOCKED = "TwoFactorLocked";

/** A 6-digit authenticator code (spaces tolerated: apps show "123 456"). */
export const totpCodeSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "auth.errors.codeFormat"));

/** Confirms enrolment: the first code proves the app holds the secret. */
export const confirmTwoFactorSchema = z.object({ code: totpCodeSchema });

/** A code from the app or a recovery code (xxxx-xxxx-xxxx-xxxx), as typed. */
export const secondFactorCodeSchema = z.string().trim().min(6, "auth.errors.codeRequired").max(40);

/**
 * Step-up ("confirm it's you"): the password, or a code from the app or a recovery code.
 * Exactly one of the two.
 */
export const stepUpSchema = z
  .object({
    password: z.string().max(200).optional(),
    code: z.string().trim().max(40).optional(),
  })
  .refine((v) => Boolean(v.password) !== Boolean(v.code), { message: "auth.errors.passwordOrCode", path: ["form"] });

export const emptySchema = z.object({}).strict();
