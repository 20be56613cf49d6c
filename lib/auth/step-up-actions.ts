"use server";
// The "confirm it is you" action behind the step-up dialog (components/auth). Every
// export is a public endpoint, built with userAction.
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { userAction } from "./actions";
import { verifyPassword } from "./password";
import { markFreshAuth } from "./step-up";
import { stepUpSchema } from "./two-factor/schemas";
import { hasTwoFactor, secondFactorError, verifySecondFactor } from "./two-factor/service";

export const stepUpAction = userAction(stepUpSchema, async (input, user, ctx) => {
  let method: "password" | "totp" | "recovery_code";
  if (input.password) {
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, input.password))) throw invalid("auth.errors.stepUpWrongPassword", { password: "auth.errors.stepUpWrongPasswordField" });
    method = "password";
  } else {
    if (!(await hasTwoFactor(user.id))) throw invalid("auth.errors.stepUpNoTwoFactor", { code: "auth.errors.stepUpUsePassword" });
    const result = await verifySecondFactor(user, input.code ?? "", ctx.ip);
    if (!result.ok) throw secondFactorError(result.reason === "not_enrolled" ? "invalid" : result.reason);
    method = result.method;
  }
  await db.$transaction(async (tx) => {
    await recordAudit(tx, { action: "auth.step_up", actor: user, target: { type: "user", id: user.id }, metadata: { method }, ip: ctx.ip });
  });
  await markFreshAuth(user);
  return null;
});
