"use client";

// Ask to add or remove scopes on this key. Removals apply at once; additions go to COPA's
// review. The key keeps its secret either way. Validation is the server's schema
// (lib/keys/schemas.ts); its field errors land under the matching group.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { ScopeLink } from "@/components/scopes/scope-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import type { ScopeChangeRequestInput } from "@/lib/keys/schemas";
import { requestScopeChangeAction, withdrawScopeChangeAction } from "../actions";

type Pending = { id: string; add: string[]; remove: string[]; reason: string; createdAt: string };

type Props = {
  keyId: string;
  held: string[];
  /** Scopes the key policy lets this key type hold that it does not hold yet. */
  addable: string[];
  pending: Pending | null;
  /** Scopes ticked on arrival (a missing-scope denial links here with the scope it needed). */
  initialAdd?: string[];
};

export function ScopeChangePanel({ keyId, held, addable, pending, initialAdd = [] }: Props) {
  const t = useTranslations("keys.scopeChange");
  const router = useRouter();
  const base = useId();
  const [add, setAdd] = useState<string[]>(initialAdd);
  const [remove, setRemove] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The result shows above the form: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const toggle = (list: string[], set: (v: string[]) => void, scope: string) => set(list.includes(scope) ? list.filter((s) => s !== scope) : [...list, scope]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const result = await requestScopeChangeAction({ keyId, add: add as ScopeChangeRequestInput["add"], remove: remove as ScopeChangeRequestInput["remove"], reason });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setOutcome({ tone: "error", text: result.error });
      return;
    }
    const removedText = remove.length ? `${t("removedNow", { scopes: remove.join(", ") })} ` : "";
    setOutcome({
      tone: "success",
      text: `${removedText}${result.data.status === "pending" ? t("asked", { scopes: add.join(", ") }) : t("applied")}`,
    });
    setAdd([]);
    setRemove([]);
    setReason("");
    router.refresh();
  };

  const withdraw = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await withdrawScopeChangeAction({ changeId: pending.id });
    setBusy(false);
    setOutcome(result.ok ? { tone: "success", text: t("withdrawn") } : { tone: "error", text: result.error });
    router.refresh();
  };

  return (
    <Card className="scroll-mt-6 p-5 sm:p-6" id="scope-change">
      <h2 id={`${base}-title`} className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div ref={outcomeRef} tabIndex={-1} className="mt-3 outline-none" data-testid="scope-change-outcome">
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      </div>
      {pending ? (
        <div className="mt-3" data-testid="pending-scope-change">
          <Alert tone="info" title={t("waiting")}>
            <p>
              {t.rich(pending.remove.length ? "pendingAddRemove" : "pendingAdd", {
                add: pending.add.join(", "),
                remove: pending.remove.join(", "),
                time: () => <Time value={pending.createdAt} relative />,
              })}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{t("pendingReason", { reason: pending.reason })}</p>
          </Alert>
          <Button variant="secondary" size="sm" className="mt-3" onClick={withdraw} pending={busy}>
            {t("withdraw")}
          </Button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby={`${base}-title`} className="mt-3 space-y-4">
          <fieldset disabled={busy} className="grid gap-4 sm:grid-cols-2">
            <ScopeGroup kind="add" scopes={addable} chosen={add} onToggle={(s) => toggle(add, setAdd, s)} error={errors.add} />
            <ScopeGroup kind="remove" scopes={held} chosen={remove} onToggle={(s) => toggle(remove, setRemove, s)} error={errors.remove} />
          </fieldset>
          <TextAreaField label={t("reason")} hint={t("reasonHint")} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} disabled={busy} />
          <Button type="submit" pending={busy}>
            {add.length ? t("ask") : t("submit")}
          </Button>
        </form>
      )}
    </Card>
  );
}

function ScopeGroup({ kind, scopes, chosen, onToggle, error }: { kind: "add" | "remove"; scopes: string[]; chosen: string[]; onToggle: (s: string) => void; error?: string }) {
  const t = useTranslations("keys.scopeChange");
  const id = useId();
  const legend = t(kind);
  const hint = kind === "add" ? t("addHint") : t("removeHint");
  const empty = kind === "add" ? t("addEmpty") : "";
  return (
    <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
        {hint}
      </p>
      {scopes.length === 0 && empty && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>}
      <ul className="mt-2 space-y-1.5">
        {scopes.map((scope) => (
          <li key={scope} className="flex items-center gap-2 text-sm">
            <input id={`${id}-${scope}`} type="checkbox" className="h-4 w-4 accent-brand-600" checked={chosen.includes(scope)} onChange={() => onToggle(scope)} aria-label={kind === "add" ? t("addScope", { scope }) : t("removeScope", { scope })} />
            <label htmlFor={`${id}-${scope}`} className="font-mono text-xs">
              {scope}
            </label>
            <ScopeLink scope={scope} newTab>
              <span className="sr-only">{t("whatGrants", { scope })}</span>
              <span aria-hidden>?</span>
            </ScopeLink>
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
