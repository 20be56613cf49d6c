"use client";

// Tick the endpoints you will call; see the smallest set of scopes that covers them and a
// link that opens the request form with exactly those scopes ticked. The computation is
// lib/docs/picker.ts (minimalScopesFor over the enforcement map), unit-tested on its own.
// Its words are the `scopes` namespace's (scopes.picker), which the docs layout sends.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { ScopeLink } from "@/components/scopes/scope-link";
import { DOCS_ENDPOINTS, type DocsEndpoint } from "@/lib/docs/endpoints";
import { ENDPOINTLESS_SCOPES, pickScopes, requestScopesHref } from "@/lib/docs/picker";
import { listText } from "@/lib/docs/scope-text";
import { RECOMMENDED_SCOPES, getScope } from "@/lib/scopes/catalog";
import { endpointMessageKey, scopeText } from "@/lib/scopes/messages";
import { AnnouncedBadge, EndpointPath, MethodBadge } from "./endpoint-bits";

const GROUPS = Object.entries(
  DOCS_ENDPOINTS.reduce<Record<string, DocsEndpoint[]>>((acc, e) => {
    (acc[e.resource] ??= []).push(e);
    return acc;
  }, {}),
) as [DocsEndpoint["resource"], DocsEndpoint[]][];

// The common starting point: the read endpoints of the recommended scopes.
const RECOMMENDED_ENDPOINTS = DOCS_ENDPOINTS.filter((e) => (RECOMMENDED_SCOPES as string[]).includes(e.scope)).map((e) => e.key);

// One bordered list per resource, one compact row per endpoint; the whole row is the label.
const LIST_CLASS = "divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900";
const OPTION_CLASS =
  "flex cursor-pointer items-start gap-3 px-3 py-2 transition hover:bg-zinc-50 has-[:checked]:bg-brand-50/70 has-[:focus-visible]:outline-2 has-[:focus-visible]:-outline-offset-2 has-[:focus-visible]:outline-brand-600 dark:hover:bg-zinc-800/60 dark:has-[:checked]:bg-brand-900/25";

export function EndpointPicker() {
  const t = useTranslations("scopes");
  const summary = (endpointCount: number, extraCount: number, scopeCount: number): string => {
    if (scopeCount === 0) return t("picker.tickPrompt");
    const parts = [];
    if (endpointCount) parts.push(t("picker.endpoints", { count: endpointCount }));
    if (extraCount) parts.push(t("picker.webhookEvents"));
    return t("picker.smallestSet", { what: parts.join(` ${t("picker.and")} `), count: scopeCount });
  };
  const list = (ids: readonly string[]) => listText(ids, t("picker.and"));
  const [endpoints, setEndpoints] = useState<string[]>([]);
  const [extras, setExtras] = useState<string[]>([]);
  const result = useMemo(() => pickScopes(endpoints, extras), [endpoints, extras]);
  const type = result.keyTypes.includes("partner") ? "partner" : result.keyTypes.length === 1 ? result.keyTypes[0] : undefined;
  const href = requestScopesHref(result.scopes, { type });

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_16rem]" data-testid="scope-picker">
      <div className="space-y-5">
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => {
              setEndpoints(RECOMMENDED_ENDPOINTS);
              setExtras([]);
            }}
            className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            {t("picker.tickCommon")}
          </button>
          <button
            type="button"
            onClick={() => {
              setEndpoints([]);
              setExtras([]);
            }}
            disabled={endpoints.length + extras.length === 0}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {t("picker.clear")}
          </button>
        </div>

        {GROUPS.map(([resource, items]) => (
          <fieldset key={resource}>
            <legend className="mb-1.5 text-sm font-semibold text-zinc-900 dark:text-white">{t(`resources.${resource}`)}</legend>
            <div className={LIST_CLASS}>
              {items.map((e) => (
                <label key={e.key} className={OPTION_CLASS}>
                  <input
                    type="checkbox"
                    value={e.key}
                    checked={endpoints.includes(e.key)}
                    onChange={(ev) => setEndpoints((list) => toggle(list, e.key, ev.target.checked))}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  />
                  <span className="min-w-0">
                    <span className="flex flex-wrap items-center gap-2">
                      <MethodBadge method={e.method} />
                      <EndpointPath path={e.path} />
                      {e.production === "announced" && <AnnouncedBadge />}
                    </span>
                    <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{t(`endpoints.${endpointMessageKey(e.key)}` as "endpoints.GET_cooperatives")}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}

        {ENDPOINTLESS_SCOPES.length > 0 && (
          <fieldset>
            <legend className="mb-1.5 text-sm font-semibold text-zinc-900 dark:text-white">{t("picker.events")}</legend>
            <div className={LIST_CLASS}>
              {ENDPOINTLESS_SCOPES.map((s) => (
                <label key={s.id} className={OPTION_CLASS}>
                  <input
                    type="checkbox"
                    value={s.id}
                    checked={extras.includes(s.id)}
                    onChange={(ev) => setExtras((list) => toggle(list, s.id, ev.target.checked))}
                    className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
                  />
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">{scopeText(t, s).title}</span>
                    <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">{scopeText(t, s).description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {/* Phones: the result sits below the long list, so a bar follows the reader down it. */}
        {result.scopes.length > 0 && (
          <div className="sticky bottom-3 z-10 flex items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white/95 px-3 py-2 text-sm shadow-lg backdrop-blur md:hidden dark:border-zinc-700 dark:bg-zinc-900/95">
            <span className="min-w-0 truncate font-mono text-xs text-zinc-800 dark:text-zinc-200">{result.scopes.join(", ")}</span>
            <a href="#picker-result" className="shrink-0 font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
              {t("picker.review", { count: result.scopes.length })}
            </a>
          </div>
        )}
      </div>

      <div className="md:sticky md:top-6 md:self-start">
        <div id="picker-result" className="scroll-mt-6 rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid="picker-result">
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-white">{t("picker.youNeed")}</h3>
          <p aria-live="polite" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {summary(endpoints.length, extras.length, result.scopes.length)}
          </p>

          {result.scopes.length > 0 && (
            <>
              <ul className="mt-3 space-y-2" aria-label={t("picker.youNeed")}>
                {result.scopes.map((id) => (
                  <li key={id} data-picked-scope={id} className="text-sm">
                    <ScopeLink scope={id} />
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">{scopeText(t, getScope(id)!).title}</span>
                  </li>
                ))}
              </ul>

              <ul className="mt-4 space-y-2 border-t border-zinc-200 pt-3 text-xs leading-5 text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
                <li>
                  {result.keyTypes.length > 0 ? (
                    t("picker.suits", { types: listText(result.keyTypes.map((k) => t(`picker.keyTypes.${k}`)), t("picker.or")) })
                  ) : (
                    <span className="font-medium text-amber-800 dark:text-amber-200">{t("picker.noSingleType")}</span>
                  )}
                </li>
                {result.highRisk.length > 0 && (
                  <li>
                    {t("picker.highRisk", { scopes: list(result.highRisk), count: result.highRisk.length })}
                  </li>
                )}
                {result.needsJustification.length > 0 && (
                  <li>
                    {t("picker.justify", { scopes: list(result.needsJustification) })}
                  </li>
                )}
                {result.announcedInProduction.length > 0 && (
                  <li>
                    {t("picker.announced", { scopes: list(result.announcedInProduction), count: result.announcedInProduction.length })}
                  </li>
                )}
              </ul>

              <Link
                href={href}
                data-testid="request-these-scopes"
                className="mt-4 flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                {t("picker.requestThese")}
              </Link>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
