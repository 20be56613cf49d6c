import { z } from "zod";
import { passwordWeakness } from "./password-strength";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(254);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
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
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .superRefine(async (password, ctx) => {
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return;
    const weakness = await passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });

export const signUpSchema = z.object({
  name: z.string().trim().min(2, "Enter your full name").max(100),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "Type the new password again"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "This does not match the new password" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from your current one" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const endSessionSchema = z.object({ sessionId: z.string().uuid("Unknown session") });

/** A one-time link's token, as it arrives from the URL. */
export const tokenSchema = z.string().trim().min(20, "This link is incomplete. Copy the whole link from the mail.").max(100, "This link is not valid.");

export const verifyEmailSchema = z.object({ token: tokenSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    token: tokenSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1, "Type the new password again"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "This does not match the new password" });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
