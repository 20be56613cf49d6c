"use client";

// The key policy's form: one fieldset per key type (scopes it may hold, longest lifetime
// per environment), the two-person rules and instant sandbox keys. The server decides
// (lib/review/actions.ts parses the same schema, asks for a step-up and audits); this
// form only checks first so the admin sees field errors at once.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, type Environment, type KeyType } from "@/lib/keys/key-types";
import type { EditableKeyPolicy } from "@/lib/keys/policy";
import { keyPolicySchema } from "@/lib/keys/policy-schema";
import { updateKeyPolicyAction } from "@/lib/review/actions";

type Lifetimes = Record<KeyType, Record<Environment, string>>;

const toText = (policy: EditableKeyPolicy): Lifetimes =>
  Object.fromEntries(KEY_TYPE_IDS.map((t) => [t, Object.fromEntries(ENVIRONMENT_IDS.map((e) => [e, policy.maxLifetimeDays[t][e] === null ? "" : String(policy.maxLifetimeDays[t][e])]))])) as Lifetimes;

const toDays = (text: string): number | null => (text.trim() === "" ? null : Number(text.trim()));

/** The first message per field path ("maxLifetimeDays.mobile.production"). */
function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "form"] ??= issue.message;
  return out;
}

const CHECKBOX = "mt-0.5 h-4 w-4 shrink-0 accent-brand-600";
const INPUT =
  "mt-1 block w-32 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-600 dark:bg-zinc-950";
const HINT = "block text-xs text-zinc-600 dark:text-zinc-400";
const ERROR = "mt-1 block text-xs text-red-700 dark:text-red-300";

export function KeyPolicyForm({ initial, ceiling, readScopes }: { initial: EditableKeyPolicy; ceiling: Record<string, string[]>; readScopes: string[] }) {
  const t = useTranslations("review.policy");
  const root = useTranslations() as unknown as AnyTranslator;
  const router = useRouter();
  const stepUp = useStepUp();
  const [pending, startTransition] = useTransition();
  const [scopes, setScopes] = useState<Record<string, string[]>>(initial.scopes);
  const [lifetimes, setLifetimes] = useState<Lifetimes>(toText(initial));
  const [twoPerson, setTwoPerson] = useState(initial.twoPerson);
  const [instant, setInstant] = useState(initial.instantSandbox);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string; at: number } | null>(null);

  const toggle = (list: string[], scope: string, on: boolean) => (on ? [...list.filter((s) => s !== scope), scope] : list.filter((s) => s !== scope));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = {
      scopes,
      maxLifetimeDays: Object.fromEntries(KEY_TYPE_IDS.map((type) => [type, Object.fromEntries(ENVIRONMENT_IDS.map((env) => [env, toDays(lifetimes[type][env])]))])),
      twoPerson,
      instantSandbox: instant,
    };
    const parsed = keyPolicySchema.safeParse(values);
    if (!parsed.success) {
      const found = fieldErrorsOf(parsed.error);
      setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, translateMessage(root, v)])));
      setResult({ tone: "error", text: t("invalid"), at: Date.now() });
      return;
    }
    setErrors({});
    startTransition(async () => {
      const r = await stepUp.guard(() => updateKeyPolicyAction(parsed.data));
      if (r.ok) {
        // The alert takes focus where the admin is (focusOnMount): no separate announcement.
        setResult({ tone: "success", text: t("saved", { count: r.data.changed.length }), at: Date.now() });
        router.refresh();
      } else {
        setErrors(r.fieldErrors ?? {});
        setResult({ tone: "error", text: r.error, at: Date.now() });
      }
    });
  };

  const lifetimeField = (type: KeyType, env: Environment) => {
    const id = `lifetime-${type}-${env}`;
    const path = `maxLifetimeDays.${type}.${env}`;
    const error = errors[path];
    return (
      <div key={env}>
        <label htmlFor={id} className="block text-sm font-medium">
          {t(env === "sandbox" ? "sandboxLifetime" : "productionLifetime")}
        </label>
        <span id={`${id}-hint`} className={HINT}>
          {t(env === "sandbox" ? "sandboxLifetimeHint" : "productionLifetimeHint")}
        </span>
        <input
          id={id}
          name={path}
          inputMode="numeric"
          className={INPUT}
          value={lifetimes[type][env]}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(e) => setLifetimes({ ...lifetimes, [type]: { ...lifetimes[type], [env]: e.target.value } })}
        />
        {error && (
          <span id={`${id}-error`} className={ERROR}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <>
    <form onSubmit={submit} noValidate className="space-y-6" data-testid="key-policy-form">
      {result && (
        <Alert key={result.at} tone={result.tone} focusOnMount>
          {result.text}
        </Alert>
      )}
      <fieldset disabled={pending} className="space-y-6">
        {KEY_TYPE_IDS.map((type) => (
          <fieldset key={type} className="rounded-md border border-zinc-200 p-4 dark:border-zinc-700">
            <legend className="px-1 text-sm font-semibold">{t("typeLegend", { type: t(`types.${type}`) })}</legend>
            <div className="grid gap-4 md:grid-cols-[2fr_1fr_1fr]">
              <fieldset>
                <legend className="text-sm font-medium">{t("scopesLabel")}</legend>
                <span className={HINT}>{t("scopesHint")}</span>
                <ul className="mt-2 space-y-1">
                  {ceiling[type].map((scope) => (
                    <li key={scope}>
                      <label className="flex min-h-6 items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          className={CHECKBOX}
                          checked={scopes[type].includes(scope)}
                          aria-label={`${t(`types.${type}`)}: ${scope}`}
                          onChange={(e) => setScopes({ ...scopes, [type]: toggle(scopes[type], scope, e.target.checked) })}
                        />
                        <code className="font-mono">{scope}</code>
                      </label>
                    </li>
                  ))}
                </ul>
                {errors[`scopes.${type}`] && <span className={ERROR}>{errors[`scopes.${type}`]}</span>}
              </fieldset>
              {ENVIRONMENT_IDS.map((env) => lifetimeField(type, env))}
            </div>
          </fieldset>
        ))}

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("twoPersonLegend")}</legend>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" className={CHECKBOX} checked={twoPerson.productionWrite} onChange={(e) => setTwoPerson({ ...twoPerson, productionWrite: e.target.checked })} />
            <span>
              {t("twoPersonProductionWrite")}
              <span className={HINT}>{t("twoPersonProductionWriteHint")}</span>
            </span>
          </label>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" className={CHECKBOX} checked={twoPerson.system} onChange={(e) => setTwoPerson({ ...twoPerson, system: e.target.checked })} />
            <span>
              {t("twoPersonSystem")}
              <span className={HINT}>{t("twoPersonSystemHint")}</span>
            </span>
          </label>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("instantLegend")}</legend>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" className={CHECKBOX} checked={instant.enabled} onChange={(e) => setInstant({ ...instant, enabled: e.target.checked })} />
            <span>
              {t("instantEnabled")}
              <span className={HINT}>{t("instantEnabledHint")}</span>
            </span>
          </label>
          <fieldset>
            <legend className="text-sm font-medium">{t("instantScopes")}</legend>
            <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
              {readScopes.map((scope) => (
                <li key={scope}>
                  <label className="flex min-h-6 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className={CHECKBOX}
                      checked={instant.scopes.includes(scope as never)}
                      aria-label={`${t("instantScopes")}: ${scope}`}
                      onChange={(e) => setInstant({ ...instant, scopes: toggle(instant.scopes, scope, e.target.checked) as never })}
                    />
                    <code className="font-mono">{scope}</code>
                  </label>
                </li>
              ))}
            </ul>
            {errors["instantSandbox.scopes"] && <span className={ERROR}>{errors["instantSandbox.scopes"]}</span>}
          </fieldset>
        </fieldset>
      </fieldset>
      <Button type="submit" pending={pending}>
        {t("save")}
      </Button>
    </form>
    {stepUp.dialog}
    </>
  );
}
