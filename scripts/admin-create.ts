// npm run admin:create -- EMAIL [--password P] [--reset-two-factor]
// Creates an admin (or promotes an existing account). Without --password a random one is
// generated and printed once. --reset-two-factor also removes the account's two-factor
// (for an admin who lost phone and recovery codes); they enrol again at the next sign-in.
import { randomBytes } from "node:crypto";
import { applyDefaults, loadDotEnv, migrate } from "./lib/setup";

async function main() {
  const args = process.argv.slice(2);
  const email = args.find((a) => !a.startsWith("--"));
  const pwIndex = args.indexOf("--password");
  const given = pwIndex >= 0 ? args[pwIndex + 1] : process.env.ADMIN_PASSWORD;
  const resetTwoFactor = args.includes("--reset-two-factor");
  const { emailSchema, passwordSchema } = await import("@/lib/auth/schemas");
  const parsedEmail = emailSchema.safeParse(email ?? "");
  if (!parsedEmail.success) {
    console.error("usage: npm run admin:create -- EMAIL [--password PASSWORD] [--reset-two-factor]");
    process.exit(2);
  }
  const password = given || randomBytes(12).toString("base64url");
  const parsedPassword = await passwordSchema.safeParseAsync(password);
  if (!parsedPassword.success) {
    // Schema messages are keys of the portal's catalogue; the operator reads them in English.
    const { createTranslator } = await import("next-intl");
    const { MESSAGES } = await import("@/lib/i18n/messages");
    const { translateMessage } = await import("@/lib/i18n/translate-message");
    const t = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as import("@/lib/i18n/translate-message").AnyTranslator;
    console.error(`Password: ${translateMessage(t, parsedPassword.error.issues[0]?.message ?? "")}`);
    process.exit(2);
  }
  loadDotEnv();
  applyDefaults();
  migrate();
  const { createAdmin } = await import("@/lib/accounts/service");
  const { db } = await import("@/lib/db");
  const result = await createAdmin(parsedEmail.data, password);
  if (resetTwoFactor) {
    const { resetTwoFactorByOperator } = await import("@/lib/auth/two-factor/service");
    const removed = await resetTwoFactorByOperator(result.id);
    console.log(removed ? "Two-factor removed: the admin enrols again at the next sign-in." : "Two-factor was not on for this account.");
  }
  await db.$disconnect();
  console.log(result.created ? `Admin created: ${parsedEmail.data}` : `Existing account promoted to admin: ${parsedEmail.data} (password reset)`);
  if (!given) console.log(`password: ${password}  (shown once)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
