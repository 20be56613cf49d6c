import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RouteFocus } from "@/components/layout/route-focus";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.meta");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) is new for each response, and
  // a page prerendered at build time would carry scripts without it, which the browser
  // refuses.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="flex min-h-screen flex-col font-sans">
        {/* The locale, time zone and shared messages for every client component; a page adds its own area's (ClientMessages). */}
        <ClientMessages>
          <SkipLink />
          <SiteHeader />
          <div className="flex-1">{children}</div>
          <SiteFooter />
          <RouteFocus />
          {/* components/ui/focus.ts announce(): status changes whose result is elsewhere on the page. */}
          <div id="live-announcer" role="status" aria-live="polite" className="sr-only" />
        </ClientMessages>
      </body>
    </html>
  );
}
