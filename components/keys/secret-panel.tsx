"use client";

// Shows a freshly minted secret exactly once. The secret arrives in a server action's
// response and lives only in the parent's React state: it is never in a URL, never in a
// server-rendered page, and when the user closes the panel the parent drops it, so it
// leaves the DOM and memory. Reloading the page shows the mask only.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  secret: string;
  mask: string;
  /** Extra context above the field, e.g. how long the rotated key keeps working. */
  children?: React.ReactNode;
  /** Called by "I've stored it": the parent must forget the secret. */
  onDone: () => void;
};

export function SecretPanel({ secret, mask, children, onDone }: Props) {
  const t = useTranslations("keys.secret");
  const fieldId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);

  // The key just appeared where the button was: take keyboard and screen-reader users to it.
  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // Leaving the page while the secret is on screen loses it for good; let the browser ask.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    setCopyFailed(false);
    try {
      // The async clipboard API needs a secure context (https or localhost).
      if (!navigator.clipboard) throw new Error("clipboard unavailable");
      await navigator.clipboard.writeText(secret);
    } catch {
      // Fall back to the selection: select the field and use the legacy copy command.
      inputRef.current?.select();
      if (!document.execCommand?.("copy")) {
        setCopyFailed(true);
        return;
      }
    }
    setCopied(true);
    setConfirmClose(false);
  };

  const done = () => {
    if (!copied && !confirmClose) {
      setConfirmClose(true);
      return;
    }
    onDone();
  };

  return (
    <div className="space-y-4" data-testid="secret-panel">
      <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        <p className="font-semibold">{t("warningTitle")}</p>
        <p className="mt-1">{t("warningBody")}</p>
      </div>
      {children}
      <div>
        <label htmlFor={fieldId} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("label")}
        </label>
        <div className="mt-1.5 flex items-start gap-2">
          {/* A textarea so the whole key stays visible, wrapping on narrow screens. */}
          <textarea
            ref={inputRef}
            id={fieldId}
            readOnly
            value={secret}
            rows={2}
            // Keep the secret out of autofill, spell-check services and password managers' capture prompts.
            autoComplete="off"
            spellCheck={false}
            autoCorrect="off"
            autoCapitalize="off"
            data-1p-ignore
            data-lpignore="true"
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full min-w-0 resize-none break-all rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-[13px] text-zinc-900 field-sizing-content focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          />
          <Button variant={copied ? "secondary" : "primary"} onClick={copy} className="w-24 shrink-0" aria-live="polite">
            {copied ? t("copied") : t("copy")}
          </Button>
        </div>
        {copyFailed && <p className="mt-1.5 text-xs font-medium text-red-600 dark:text-red-400">{t("copyFailed")}</p>}
        <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">
          {t.rich("afterwards", { mask, code: (chunks) => <span className="font-mono">{chunks}</span> })}
        </p>
      </div>
      <div className="flex flex-col items-stretch gap-2 border-t border-zinc-200 pt-4 sm:flex-row sm:items-center sm:justify-end dark:border-zinc-800">
        {confirmClose && <p className="text-sm text-amber-700 sm:mr-auto dark:text-amber-400">{t("notCopied")}</p>}
        <Button onClick={done} variant={confirmClose ? "danger" : copied ? "primary" : "secondary"}>
          {confirmClose ? t("closeAnyway") : t("stored")}
        </Button>
      </div>
    </div>
  );
}
