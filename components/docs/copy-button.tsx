"use client";

// Copies a code sample. The text comes from the server as a prop (not scraped from the
// highlighted DOM), so what is copied is exactly the sample, without line markup.
import { useEffect, useRef, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

async function writeClipboard(text: string): Promise<boolean> {
  try {
    // Only available in secure contexts (https, localhost).
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain-http deployments (a portal on a LAN address) have no Clipboard API: fall back
    // to a hidden textarea and the legacy copy command.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** The button's words in the reader's language (components/docs/copy-labels.ts makes them on the server). */
export type CopyLabels = { copy: string; copied: string; failed: string; announceCopied: string; announceFailed: string };

export function CopyButton({ text, what, labels }: { text: string; /** Completes the accessible name: "Copy {what}". */ what: string; labels: CopyLabels }) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    const ok = await writeClipboard(text);
    setState(ok ? "copied" : "failed");
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState("idle"), 2000);
  }

  return (
    <>
      <button
        type="button"
        onClick={copy}
        data-state={state}
        className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-zinc-600 transition hover:bg-zinc-200/70 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 data-[state=copied]:text-brand-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:data-[state=copied]:text-brand-100"
      >
        {state === "copied" ? (
          <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2"><path d="m3 8.5 3 3 7-7" strokeLinecap="round" strokeLinejoin="round" /></svg>
        ) : (
          <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5"><rect x="5.5" y="5.5" width="8" height="8" rx="1.5" /><path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H3A1.5 1.5 0 0 0 1.5 3v6A1.5 1.5 0 0 0 3 10.5h.5" /></svg>
        )}
        <span>{state === "copied" ? labels.copied : state === "failed" ? labels.failed : labels.copy}</span>
        {state === "idle" && <span className="sr-only"> {what}</span>}
      </button>
      {/* Announces the result to screen readers; the button's own text changes silently. */}
      <span role="status" className="sr-only">
        {state === "copied" ? labels.announceCopied : state === "failed" ? labels.announceFailed : ""}
      </span>
    </>
  );
}
