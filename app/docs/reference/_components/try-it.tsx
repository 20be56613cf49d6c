"use client";

// "Try it": a signed-in partner sends a real request to this portal's sandbox with a key
// they paste. The key lives only in this page's React state (no storage, no cookie, no
// URL, no logging); it goes nowhere but the Authorization header of the same-origin
// request, sent without cookies. Leaving or reloading the page forgets it.
import { useTranslations } from "next-intl";
import { createContext, useContext, useId, useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

const KEY_PATTERN = /^sk_copa_(partner|webhook|mobile|system)_[a-z0-9]{32}$/;

type KeyContextValue = { apiKey: string; setApiKey: (key: string) => void };
const KeyContext = createContext<KeyContextValue | null>(null);

export function TryItProvider({ children }: { children: ReactNode }) {
  const [apiKey, setApiKey] = useState("");
  const value = useMemo(() => ({ apiKey, setApiKey }), [apiKey]);
  return <KeyContext.Provider value={value}>{children}</KeyContext.Provider>;
}

export function TryItKey() {
  const t = useTranslations("tryIt.key");
  const context = useContext(KeyContext)!;
  const id = useId();
  const { apiKey, setApiKey } = context;
  const malformed = apiKey !== "" && !KEY_PATTERN.test(apiKey.trim());
  return (
    <div id="try-it-key" className="scroll-mt-6 rounded-lg border border-brand-100 bg-brand-50 p-4 dark:border-brand-900 dark:bg-brand-900/30">
      <label htmlFor={id} className="block text-sm font-semibold text-zinc-900 dark:text-white">
        {t("label")}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {t.rich("hint", { code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}
      </p>
      <div className="mt-3 flex gap-2">
        <input
          id={id}
          type="password"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          placeholder="sk_copa_partner_..."
          autoComplete="off"
          spellCheck={false}
          data-1p-ignore
          data-lpignore="true"
          aria-describedby={`${id}-hint`}
          aria-invalid={malformed || undefined}
          className="block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button variant="secondary" onClick={() => setApiKey("")} disabled={apiKey === ""}>
          {t("forget")}
        </Button>
      </div>
      {malformed && (
        <p className="mt-1.5 text-xs font-medium text-amber-800 dark:text-amber-300">
          {t.rich("malformed", { pattern: () => <code className="font-mono">sk_copa_&#123;type&#125;_</code> })}
        </p>
      )}
    </div>
  );
}

export type TryItParameter = { name: string; in: "path" | "query"; required: boolean; enum?: string[]; placeholder?: string; initial?: string };

export type TryItOperation = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path under /api/v1 with {id} placeholders. */
  path: string;
  parameters: TryItParameter[];
  /** Pretty-printed JSON to start the body with, for operations that take one. */
  body?: string;
};

type Outcome = { status: number; statusText: string; ms: number; headers: [string, string][]; body: string } | { error: string };

const SHOWN_HEADERS = ["content-type", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after", "allow"];

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function buildUrl(operation: TryItOperation, values: Record<string, string>): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
  const query = new URLSearchParams();
  for (const p of operation.parameters) if (p.in === "query" && values[p.name]?.trim()) query.set(p.name, values[p.name].trim());
  const qs = query.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ""}`;
}

export function TryIt({ operation }: { operation: TryItOperation }) {
  const t = useTranslations("tryIt.panel");
  const context = useContext(KeyContext)!;
  const baseId = useId();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(operation.parameters.map((p) => [p.name, p.initial ?? ""])));
  const [body, setBody] = useState(operation.body ?? "");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const url = buildUrl(operation, values);
  const missing = operation.parameters.filter((p) => p.in === "path" && !values[p.name]?.trim()).map((p) => p.name);

  const send = async () => {
    setPending(true);
    setOutcome(null);
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: operation.method,
        headers: {
          Authorization: `Bearer ${context.apiKey.trim()}`,
          ...(operation.body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body: operation.body !== undefined ? body : undefined,
        // The key is the only credential: never send the portal's session cookie along.
        credentials: "omit",
        cache: "no-store",
        referrerPolicy: "no-referrer",
      });
      const text = await response.text();
      setOutcome({
        status: response.status,
        statusText: response.statusText,
        ms: Math.round(performance.now() - started),
        headers: SHOWN_HEADERS.flatMap((h) => (response.headers.has(h) ? [[h, response.headers.get(h)!] as [string, string]] : [])),
        body: pretty(text),
      });
    } catch (error) {
      setOutcome({ error: error instanceof Error ? error.message : t("sendFailed") });
    } finally {
      setPending(false);
    }
  };

  // The key never appears in the example: the reader substitutes their own variable.
  const curl = [
    `curl -X ${operation.method} "${typeof window === "undefined" ? "" : window.location.origin}${url}"`,
    `  -H "Authorization: Bearer $COPA_API_KEY"`,
    ...(operation.body !== undefined ? [`  -H "Content-Type: application/json"`, `  -d '${body.replace(/'/g, "'\\''")}'`] : []),
  ].join(" \\\n");

  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${baseId}-panel`}>
        {t("open")}
      </Button>
    );
  }

  const statusTone = (status: number) =>
    status < 300 ? "text-green-700 dark:text-green-400" : status === 429 ? "text-orange-700 dark:text-orange-400" : status < 500 ? "text-amber-700 dark:text-amber-400" : "text-red-700 dark:text-red-400";

  return (
    <div id={`${baseId}-panel`} className="space-y-4 rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-semibold text-zinc-900 dark:text-white">{t("title")}</p>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)} aria-expanded={true} aria-controls={`${baseId}-panel`}>
          {t("close")}
        </Button>
      </div>
      {operation.parameters.length > 0 && (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="sr-only">{t("parameters")}</legend>
          {operation.parameters.map((p) => {
            const id = `${baseId}-${p.name}`;
            const common = "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900";
            return (
              <div key={p.name}>
                <label htmlFor={id} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
                  <span className="font-mono">{p.name}</span> <span className="text-zinc-600 dark:text-zinc-400">{t("where", { where: p.in, required: p.required ? "yes" : "no" })}</span>
                </label>
                {p.enum ? (
                  <select id={id} value={values[p.name] ?? ""} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} className={`mt-1 ${common}`}>
                    <option value="">{t("any")}</option>
                    {p.enum.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    value={values[p.name] ?? ""}
                    placeholder={p.placeholder}
                    onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                    className={`mt-1 ${common}`}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      {operation.body !== undefined && (
        <div>
          <label htmlFor={`${baseId}-body`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            {t("body")}
          </label>
          <textarea
            id={`${baseId}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={Math.min(16, body.split("\n").length + 1)}
            spellCheck={false}
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={send} pending={pending} disabled={context.apiKey.trim() === "" || missing.length > 0}>
          {t("send", { method: operation.method })}
        </Button>
        <code className="min-w-0 truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{url}</code>
      </div>
      {context.apiKey.trim() === "" && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("needKey", {
            link: (chunks) => (
              <a href="#try-it-key" className="underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      )}
      {missing.length > 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("fillIn", { names: missing.join(", ") })}</p>}

      <div aria-live="polite">
        {outcome && "error" in outcome && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {outcome.error}
          </p>
        )}
        {outcome && "status" in outcome && (
          <div className="space-y-2" data-testid="try-it-response">
            <p className="text-sm">
              <span className={`font-mono font-semibold ${statusTone(outcome.status)}`}>
                {outcome.status} {outcome.statusText}
              </span>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">{t("took", { ms: outcome.ms })}</span>
            </p>
            {outcome.headers.length > 0 && (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
                {outcome.headers.map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
                    <dd className="break-all text-zinc-800 dark:text-zinc-200">{value}</dd>
                  </div>
                ))}
              </dl>
            )}
            <pre tabIndex={0} aria-label={t("responseBody")} className="max-h-96 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">{outcome.body}</pre>
          </div>
        )}
      </div>

      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">{t("asCurl")}</summary>
        <pre tabIndex={0} aria-label={t("curlLabel")} className="mt-2 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">{curl}</pre>
      </details>
    </div>
  );
}
