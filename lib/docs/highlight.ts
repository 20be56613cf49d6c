// Syntax highlighting for the docs, done on the server so pages ship coloured HTML and no
// highlighter JavaScript. One highlighter per server process: creating one loads grammars
// and themes (tens of milliseconds), so it is created on first use and then reused.
import "server-only";
import { createHighlighter, type Highlighter } from "shiki";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

export const CODE_LANGS = ["bash", "python", "javascript", "json", "http"] as const;
export type CodeLang = (typeof CODE_LANGS)[number];

// The "-default" GitHub themes keep comments and punctuation at WCAG AA contrast on their
// own backgrounds in both schemes; the older github-light/github-dark pair does not in dark.
const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  // The JavaScript regex engine avoids loading Oniguruma's WebAssembly in the server
  // bundle; the grammars used here are all supported by it.
  highlighter ??= createHighlighter({
    themes: Object.values(THEMES),
    langs: [...CODE_LANGS],
    engine: createJavaScriptRegexEngine(),
  }).catch((error: unknown) => {
    highlighter = undefined; // let the next request retry instead of caching a failure
    throw error;
  });
  return highlighter;
}

/**
 * Code as highlighted HTML (a <pre class="shiki"> element). Colours are emitted as the
 * --shiki-light / --shiki-dark CSS variables that app/globals.css switches between with
 * prefers-color-scheme, so one render serves both schemes.
 */
export async function highlight(code: string, lang: CodeLang): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code, { lang, themes: THEMES, defaultColor: false });
}
