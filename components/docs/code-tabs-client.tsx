"use client";

// Language tabs for code samples. The chosen language is remembered (localStorage) and
// shared by every tab group on every page, so a Python reader switches once, not per block.
// Follows the WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs.
import { useId, useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import { CODE_BAR, CODE_FRAME, PRE_CLASSES } from "./code-styles";
import { CopyButton, type CopyLabels } from "./copy-button";

const STORAGE_KEY = "copa-docs-language";
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readPreferred(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policies): fall back to the first tab
  }
}

function setPreferred(id: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // not remembered, still switched below
  }
  memory = id;
  listeners.forEach((l) => l());
}

// Keeps the choice for this page view even when storage is unavailable.
let memory: string | null = null;

/** `example` names the tab's sample for its copy button ("Python example"), in the reader's language. */
export type RenderedTab = { id: string; label: string; code: string; html: string; example: string };

export function CodeTabsClient({ tabs, tablistLabel, labels }: { tabs: RenderedTab[]; tablistLabel: string; labels: CopyLabels }) {
  const baseId = useId();
  // The server has no preference, so it renders the first tab; the stored choice is
  // applied right after hydration without a mismatch (useSyncExternalStore's contract).
  const preferred = useSyncExternalStore(subscribe, () => readPreferred() ?? memory, () => null);
  const active = tabs.find((t) => t.id === preferred) ?? tabs[0];
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    setPreferred(tabs[target].id);
    buttons.current[target]?.focus();
  }

  return (
    <div className={`my-5 ${CODE_FRAME}`} data-code-block>
      <div className={CODE_BAR}>
        <div role="tablist" aria-label={tablistLabel} className="-mb-px flex self-stretch overflow-x-auto">
          {tabs.map((tab, i) => {
            const selected = tab.id === active.id;
            return (
              <button
                key={tab.id}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${tab.id}`}
                aria-selected={selected}
                aria-controls={`${baseId}-panel-${tab.id}`}
                tabIndex={selected ? 0 : -1}
                onClick={() => setPreferred(tab.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
                className={`border-b-2 px-3 text-xs font-medium whitespace-nowrap transition focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 ${
                  selected
                    ? "border-brand-600 text-zinc-900 dark:border-brand-500 dark:text-white"
                    : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
                }`}
              >
                {tab.label}
              </button>
            );
          })}
        </div>
        <CopyButton key={active.id} text={active.code} what={active.example} labels={labels} />
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          hidden={tab.id !== active.id}
          className={PRE_CLASSES}
          dangerouslySetInnerHTML={{ __html: tab.html }}
        />
      ))}
    </div>
  );
}
