// Tags the docs' messages use in rich text (t.rich): <code>, <strong>, and links named by
// what they lead to. Each message names its own links, e.g. "See <errors>Errors</errors>":
// pass `{ ...RICH, errors: link("/docs/errors") }`.
import type { ReactNode } from "react";
import { A, C } from "./prose";

export const RICH = {
  code: (chunks: ReactNode) => <C>{chunks}</C>,
  strong: (chunks: ReactNode) => <strong className="font-semibold text-zinc-900 dark:text-white">{chunks}</strong>,
};

export const link = (href: string) => (chunks: ReactNode) => <A href={href}>{chunks}</A>;
