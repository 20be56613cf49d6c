// The same example in several languages (curl / Python / JavaScript). Every tab is
// highlighted here on the server; the client part only switches between finished HTML.
import { highlight, type CodeLang } from "@/lib/docs/highlight";
import { SNIPPET_LANGS, type Snippets } from "@/lib/docs/snippets";
import { CodeTabsClient } from "./code-tabs-client";

export type CodeTab = { id: string; label: string; lang: CodeLang; code: string };

export async function CodeTabs({ tabs, title }: { tabs: CodeTab[]; /** What the example does, shown in screen-reader labels. */ title: string }) {
  const rendered = await Promise.all(tabs.map(async (t) => ({ id: t.id, label: t.label, code: t.code, html: await highlight(t.code, t.lang) })));
  return <CodeTabsClient tabs={rendered} title={title} />;
}

/** Tabs for a curl / Python / JavaScript trio, in that order, skipping languages not given. */
export function snippetTabs(snippets: Partial<Snippets>): CodeTab[] {
  return SNIPPET_LANGS.filter((l) => snippets[l.id] !== undefined).map((l) => ({ id: l.id, label: l.label, lang: l.lang, code: snippets[l.id]! }));
}
