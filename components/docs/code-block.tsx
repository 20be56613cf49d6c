// A highlighted code sample with a copy button. Highlighting runs here, on the server
// (lib/docs/highlight.ts), so the page ships finished HTML and no highlighter.
import { getTranslations } from "next-intl/server";
import { highlight, type CodeLang } from "@/lib/docs/highlight";
import { CODE_BAR, CODE_FRAME, PRE_CLASSES } from "./code-styles";
import { CopyButton } from "./copy-button";
import { copyLabels } from "./copy-labels";

const LANG_LABELS: Record<CodeLang, string> = { bash: "Shell", python: "Python", javascript: "JavaScript", json: "JSON", http: "HTTP" };

export async function CodeBlock({ code, lang, title }: { code: string; lang: CodeLang; /** Shown in the bar; defaults to the language. */ title?: string }) {
  const [html, labels, t] = await Promise.all([highlight(code, lang), copyLabels(), getTranslations("docs.copy")]);
  const label = title ?? LANG_LABELS[lang];
  return (
    <div className={`my-5 ${CODE_FRAME}`} data-code-block>
      <div className={CODE_BAR}>
        <span className="truncate text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
        <CopyButton text={code} what={title ? title : t("example", { language: label })} labels={labels} />
      </div>
      <div className={PRE_CLASSES} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
