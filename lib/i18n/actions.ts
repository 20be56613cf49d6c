"use server";
// The language switcher's action. Anyone may choose a language: the choice is kept on
// this browser (a cookie) and, for a signed-in user, saved on the account so it follows
// them to other devices. Setting a cookie in a server action makes Next render the page
// again, now in the chosen language.
import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/auth/actions";
import { usesSecureCookies } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { LOCALE_COOKIE, LOCALES } from "./config";

const ONE_YEAR = 365 * 24 * 60 * 60;

// The menu posts a form (it works before any JavaScript has loaded): read it as an object.
const localeSchema = z.preprocess(
  (input) => (input instanceof FormData ? { locale: input.get("locale") } : input),
  z.object({ locale: z.enum(LOCALES, { error: "Choose one of the portal's languages." }) }),
);

export const setLocaleAction = publicAction(localeSchema, async ({ locale }) => {
  const user = await getCurrentUser();
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true, secure: usesSecureCookies() });
  return null;
});
