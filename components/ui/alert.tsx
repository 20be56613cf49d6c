"use client";

import { useEffect, useRef, type ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "error";
const TONES: Record<Tone, string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100",
  success: "border-green-200 bg-green-50 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100",
  warning: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100",
  error: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
};

/**
 * Errors are announced (role=alert); other tones are polite status messages. With
 * `focusOnMount` (the result of a form the user just submitted) it also takes focus when
 * it appears, so keyboard and screen-reader users land on the outcome.
 */
export function Alert({ tone = "info", title, children, focusOnMount = false }: { tone?: Tone; title?: string; children?: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <div
      ref={ref}
      tabIndex={focusOnMount ? -1 : undefined}
      role={tone === "error" ? "alert" : "status"}
      data-tone={tone}
      className={`rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      {title && <p className="font-medium">{title}</p>}
      {children && <div className={title ? "mt-1" : ""}>{children}</div>}
    </div>
  );
}
