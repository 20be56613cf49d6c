"use client";

// Ask to add or remove scopes on this key. Removals apply at once; additions go to COPA's
// review. The key keeps its secret either way. Validation is the server's schema
// (lib/keys/schemas.ts); its field errors land under the matching group.
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
    const removedText = remove.length ? `Removed at once: ${remove.join(", ")}. ` : "";
    setOutcome({
      tone: "success",
      text: result.data.status === "pending" ? `${removedText}Asked COPA to add ${add.join(", ")}; the key keeps working meanwhile.` : `${removedText}The key's next API call uses its new scopes.`,
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
    setOutcome(result.ok ? { tone: "success", text: "Scope change withdrawn." } : { tone: "error", text: result.error });
    router.refresh();
  };

  return (
    <Card className="scroll-mt-6 p-5 sm:p-6" id="scope-change">
      <h2 id={`${base}-title`} className="font-semibold">
        Change scopes
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        The key keeps its secret. Removing a scope applies at once; adding one needs COPA&apos;s review, like a request. Either way the next API call uses the new scopes.
      </p>
      <div ref={outcomeRef} tabIndex={-1} className="mt-3 outline-none" data-testid="scope-change-outcome">
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      </div>
      {pending ? (
        <div className="mt-3" data-testid="pending-scope-change">
          <Alert tone="info" title="Waiting for COPA">
            <p>
              Asked <Time value={pending.createdAt} relative /> to add {pending.add.join(", ")}
              {pending.remove.length ? ` (removed ${pending.remove.join(", ")} at once)` : ""}.
            </p>
            <p className="mt-1 whitespace-pre-wrap">Reason: {pending.reason}</p>
          </Alert>
          <Button variant="secondary" size="sm" className="mt-3" onClick={withdraw} pending={busy}>
            Withdraw the scope change
          </Button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby={`${base}-title`} className="mt-3 space-y-4">
          <fieldset disabled={busy} className="grid gap-4 sm:grid-cols-2">
            <ScopeGroup legend="Add" hint="Reviewed by COPA" scopes={addable} chosen={add} onToggle={(s) => toggle(add, setAdd, s)} error={errors.add} empty="Nothing more this key type may hold." />
            <ScopeGroup legend="Remove" hint="Applies at once" scopes={held} chosen={remove} onToggle={(s) => toggle(remove, setRemove, s)} error={errors.remove} empty="" />
          </fieldset>
          <TextAreaField label="Reason" hint="At least 20 characters: what changed in your integration." rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} disabled={busy} />
          <Button type="submit" pending={busy}>
            {add.length ? "Ask COPA" : "Change scopes"}
          </Button>
        </form>
      )}
    </Card>
  );
}

function ScopeGroup({ legend, hint, scopes, chosen, onToggle, error, empty }: { legend: string; hint: string; scopes: string[]; chosen: string[]; onToggle: (s: string) => void; error?: string; empty: string }) {
  const id = useId();
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
            <input id={`${id}-${scope}`} type="checkbox" className="h-4 w-4 accent-brand-600" checked={chosen.includes(scope)} onChange={() => onToggle(scope)} aria-label={`${legend} ${scope}`} />
            <label htmlFor={`${id}-${scope}`} className="font-mono text-xs">
              {scope}
            </label>
            <ScopeLink scope={scope} newTab>
              <span className="sr-only">What {scope} grants</span>
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
