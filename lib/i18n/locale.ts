// Which language this request is served in: the signed-in user's saved choice, else this
// browser's choice (the locale cookie), else the browser's Accept-Language, else English.
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./config";

export async function resolveLocale(): Promise<Locale> {
  const user = await getCurrentUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}
