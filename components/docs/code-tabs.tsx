// The same example in several languages (curl / Python / JavaScript). Every tab is
// highlighted here on the server; the client part only switches between finished HTML.
import { getTranslations } from "next-intl/server";
import { highlight, type CodeLang } from "@/lib/docs/highlight";
import { SNIPPET_LANGS, type Snippets } from "@/lib/docs/snippets";
import { CodeTabsClient } from "./code-tabs-client";
import { copyLabels } from "./copy-labels";

export type CodeTab = { id: string; label: string; lang: CodeLang; code: string };

export async function CodeTabs({ tabs, title }: { tabs: CodeTab[]; /** What the example does, shown in screen-reader labels. */ title: string }) {
  const t = await getTranslations("docs.copy");
  const rendered = await Promise.all(tabs.map(async (tab) => ({ id: tab.id, label: tab.label, code: tab.code, html: await highlight(tab.code, tab.lang), example: t("example", { language: tab.label }) })));
  return <CodeTabsClient tabs={rendered} tablistLabel={t("languageOf", { title })} labels={await copyLabels()} />;
}

/** Tabs for a curl / Python / JavaScript trio, in that order, skipping languages not given. */
export function snippetTabs(snippets: Partial<Snippets>): CodeTab[] {
  return SNIPPET_LANGS.filter((l) => snippets[l.id] !== undefined).map((l) => ({ id: l.id, label: l.label, lang: l.lang, code: snippets[l.id]! }));
}
