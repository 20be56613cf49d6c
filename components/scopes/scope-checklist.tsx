"use client";

// The scope checkboxes of the request form and the admin approval form, rendered from
// the catalogue. Controlled: the parent owns the selected ids (react-hook-form Controller).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { SCOPES, scopeAnchor, type Scope } from "@/lib/scopes/catalog";
import { scopeText } from "@/lib/scopes/messages";

// The catalogue's English where a page did not send the `scopes` namespace to the browser.
const ENGLISH = {
  legend: "Scopes",
  "risk.low": "low risk",
  "risk.medium": "medium risk",
  "risk.high": "high risk",
  recommended: "recommended",
  requested: "requested",
} as const;

const RISK_TONE = { low: "green", medium: "amber", high: "red" } as const;

export type ScopeChecklistProps = {
  /** Selected scope ids. */
  value: string[];
  onChange: (next: string[]) => void;
  /** Scopes the partner asked for: marked "requested" (admin view). */
  requested?: string[];
  /** Per-scope content rendered under a ticked scope (e.g. a justification field). */
  renderExtra?: (scope: Scope) => React.ReactNode;
  error?: string;
  legend?: string;
  disabled?: boolean;
  /**
   * The scopes offered (default: the whole catalogue). The forms pass what the key policy
   * lets the key type hold (lib/keys/policy.ts), and explain the rest beside the list.
   */
  available?: readonly string[];
};

export function ScopeChecklist({ value, onChange, requested, renderExtra, error, legend, disabled, available }: ScopeChecklistProps) {
  const t = useTranslations("scopes") as unknown as AnyTranslator;
  const say = (key: keyof typeof ENGLISH) => (t.has(`checklist.${key}`) ? t(`checklist.${key}`) : ENGLISH[key]);
  const whatAllows = (scope: string) => (t.has("checklist.whatAllows") ? t("checklist.whatAllows", { scope }) : `What does ${scope} allow?`);
  const selected = new Set(value);
  const shown = available ? SCOPES.filter((s) => available.includes(s.id)) : SCOPES;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(SCOPES.map((s) => s.id).filter((s) => next.has(s)));
  };
  return (
    <fieldset aria-describedby={error ? "scopes-error" : undefined} disabled={disabled}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend ?? say("legend")}</legend>
      <ul className="mt-2 divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {shown.map((scope) => {
          const id = `scope-${scopeAnchor(scope.id)}`;
          const isOn = selected.has(scope.id);
          const text = scopeText(t, scope);
          return (
            <li key={scope.id} className={`p-3 ${isOn ? "bg-brand-50/60 dark:bg-brand-900/20" : ""}`}>
              <div className="flex items-start gap-3">
                <input
                  id={id}
                  type="checkbox"
                  className="mt-1 h-4 w-4 accent-brand-600"
                  checked={isOn}
                  onChange={(e) => toggle(scope.id, e.target.checked)}
                  aria-describedby={`${id}-desc`}
                />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <label htmlFor={id} className="font-mono text-sm font-medium">
                      {scope.id}
                    </label>
                    <Badge tone={RISK_TONE[scope.risk]}>{say(`risk.${scope.risk}`)}</Badge>
                    {scope.recommended && <Badge tone="blue">{say("recommended")}</Badge>}
                    {requested?.includes(scope.id) && <Badge tone="neutral">{say("requested")}</Badge>}
                    <Link href={`/docs/scopes#${scopeAnchor(scope.id)}`} target="_blank" className="text-xs text-brand-700 underline dark:text-brand-100">
                      {whatAllows(scope.id)}
                    </Link>
                  </div>
                  <p id={`${id}-desc`} className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
                    {text.description}
                    {scope.endpoints.length > 0 && (
                      <span className="mt-0.5 block font-mono text-xs text-zinc-500 dark:text-zinc-400">
                        {scope.endpoints.map((e) => `${e.method} ${e.path}`).join(" · ")}
                      </span>
                    )}
                  </p>
                  {isOn && renderExtra?.(scope)}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id="scopes-error" className="mt-1.5 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
