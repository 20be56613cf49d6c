import { z } from "zod";
import { passwordWeakness } from "./password-strength";

export const emailSchema = z.string().trim().toLowerCase().email("auth.errors.emailInvalid").max(254);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "auth.errors.passwordRequired").max(200),
});

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/**
 * A new password: the length rules, then no common, breached or patterned password
 * (lib/auth/password-strength). The last check is asynchronous, so parse with
 * safeParseAsync (the action wrappers and zodResolver do).
 */
export const passwordSchema = z
  .string()
  // Messages are keys (lib/i18n/messages/*/auth.json, which write the numbers out).
  .min(PASSWORD_MIN, "auth.errors.passwordTooShort")
  .max(PASSWORD_MAX, "auth.errors.passwordTooLong")
  .superRefine(async (password, ctx) => {
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return;
    const weakness = await passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });

export const signUpSchema = z.object({
  name: z.string().trim().min(2, "auth.errors.nameRequired").max(100),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "auth.errors.currentPasswordRequired").max(PASSWORD_MAX),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "auth.errors.confirmPasswordRequired"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "auth.errors.passwordMismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "auth.errors.passwordUnchanged" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const endSessionSchema = z.object({ sessionId: z.string().uuid("auth.errors.unknownSession") });

/** A one-time link's token, as it arrives from the URL. */
export const tokenSchema = z.string().trim().min(20, "auth.errors.linkIncomplete").max(100, "auth.errors.linkInvalid");

export const verifyEmailSchema = z.object({ token: tokenSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    token: tokenSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "auth.errors.confirmPasswordRequired"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "auth.errors.passwordMismatch" });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
