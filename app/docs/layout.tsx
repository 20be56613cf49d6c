// The docs shell: the one docs navigation beside (desktop) or above (phone) every docs
// page, including the API reference that renders at /docs/reference. Public: nothing here
// reads the session; pages that personalise (the quickstart) do so themselves.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DocsNav } from "@/components/docs/docs-nav";
import { requestScopesHref } from "@/lib/docs/picker";
import { listText } from "@/lib/docs/scope-text";
import { DOCS_NAV } from "@/lib/docs/nav";
import { RECOMMENDED_SCOPES } from "@/lib/scopes/catalog";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.meta");
  return { title: { default: t("title"), template: t("template", { page: "%s" }) }, description: t("description") };
}

export default async function DocsLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("docs");
  // The nav is a client component (its phone menu opens and closes); it gets its words
  // ready-made, so the browser is not sent the whole docs namespace.
  const sections = DOCS_NAV.map((s) => ({ title: t(`nav.sections.${s.id}`), items: s.items.map((i) => ({ href: i.href, label: t(`nav.pages.${i.id}.label`) })) }));
  return (
    <div className="mx-auto max-w-6xl px-4 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
      {/* A plain div: the nav inside is the landmark; every piece of the column sits in one. */}
      <div className="pt-4 lg:sticky lg:top-0 lg:max-h-screen lg:self-start lg:overflow-y-auto lg:pt-10 lg:pb-10">
        <DocsNav sections={sections} labels={{ nav: t("nav.label"), docs: t("nav.docs"), menu: t("nav.menu") }} />
        <aside aria-label={t("layout.getKey")} className="mt-8 hidden rounded-lg border border-zinc-200 bg-white p-3 text-sm lg:block dark:border-zinc-800 dark:bg-zinc-900">
          <p className="font-medium text-zinc-900 dark:text-white">{t("layout.needKey")}</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("layout.mostNeed", { scopes: listText(RECOMMENDED_SCOPES, t("and")) })}</p>
          <Link
            href={requestScopesHref(RECOMMENDED_SCOPES)}
            className="mt-2 inline-block font-medium text-brand-700 underline decoration-brand-600/40 underline-offset-2 hover:decoration-brand-600 dark:text-brand-100"
          >
            {t("layout.requestAccess")}
          </Link>
        </aside>
      </div>
      {/* Scope links, the picker and the scope checklist speak the reader's language in the browser too. */}
      <div className="min-w-0 pt-6 lg:pt-10">
        <ClientMessages namespaces={["scopes"]}>{children}</ClientMessages>
      </div>
    </div>
  );
}
