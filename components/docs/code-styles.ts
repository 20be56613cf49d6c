// Class names shared by the server code block and the client code tabs (a client module
// cannot import from the server one, which pulls in the highlighter).

/** Styles for shiki's <pre>: the pre itself scrolls (and is focusable, tabindex=0 from shiki). */
export const PRE_CLASSES =
  "text-[13px] leading-6 [&_pre]:overflow-x-auto [&_pre]:px-4 [&_pre]:py-3.5 [&_pre:focus-visible]:outline-2 [&_pre:focus-visible]:-outline-offset-2 [&_pre:focus-visible]:outline-brand-600";

export const CODE_FRAME = "overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-[#0d1117]";

export const CODE_BAR = "flex min-h-10 items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-50 pl-3 pr-1.5 dark:border-zinc-800 dark:bg-zinc-900";
