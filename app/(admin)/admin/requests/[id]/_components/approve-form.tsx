"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { ScopeLink } from "@/components/scopes/scope-link";
import { ScopeChecklist } from "@/components/scopes/scope-checklist";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { Environment, KeyType } from "@/lib/keys/key-types";
import { KEY_POLICY, allowedScopes, describeLifetime, maxLifetimeDays, organizationViolation } from "@/lib/keys/policy";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
import { allowedExpiryChoices, approveRequestSchema, defaultExpiryChoice } from "@/lib/requests/schemas";
import { getScope, isScopeId } from "@/lib/scopes/catalog";
import { approveRequestAction } from "../actions";
import { useDecisionSubmit } from "./use-decision-submit";

type Input = z.input<typeof approveRequestSchema>;
type Output = z.output<typeof approveRequestSchema>;

function ScopeNames({ ids }: { ids: string[] }) {
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ", "}
          <ScopeLink scope={id} newTab />
        </span>
      ))}
    </>
  );
}

type Props = {
  requestId: string;
  requested: string[];
  locked: boolean;
  onConflict: (message: string) => void;
  organizationSuspended: boolean;
  keyType: KeyType;
  environment: Environment;
  organizationCopaRun: boolean;
};

export function ApproveForm({ requestId, requested, locked, onConflict, organizationSuspended, keyType, environment, organizationCopaRun }: Props) {
  // The key policy bounds the grant: only scopes this type may hold are offered, and only
  // expiries within its maximum lifetime. The server applies the same policy again.
  const available = allowedScopes(keyType);
  const outsidePolicy = requested.filter((s) => !(available as string[]).includes(s));
  const expiryChoices = allowedExpiryChoices(keyType, environment);
  const maxLifetime = maxLifetimeDays(keyType, environment);
  const root = useTranslations() as unknown as AnyTranslator;
  const refusal = organizationViolation(keyType, { copaRun: organizationCopaRun });
  // A keys.policy.* message in the reader's language (the page provides the keys namespace).
  const organizationRefusal = refusal && translateMessage(root, refusal);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(approveRequestSchema),
    // Pre-filled with what the partner asked for, within the policy; the admin may grant
    // fewer or others. The expiry starts at the longest the policy allows.
    defaultValues: { requestId, grantedScopes: requested.filter(isScopeId).filter((s) => available.includes(s)), expiry: defaultExpiryChoice(keyType, environment), note: "" },
  });
  const { register, control, formState } = form;
  const granted: string[] = (useWatch({ control, name: "grantedScopes" }) ?? []).filter((s): s is NonNullable<typeof s> => !!s);

  // What the admin must not grant by accident: scopes the partner never asked for, and
  // high-risk ones (writes, payment data).
  const notRequested = granted.filter((s) => !requested.includes(s));
  const highRisk = granted.filter((s) => getScope(s)?.risk === "high");
  const dropped = requested.filter((s) => !granted.includes(s));

  const { error, onSubmit } = useDecisionSubmit(form, approveRequestAction, onConflict);

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={onSubmit} noValidate aria-labelledby="approve-title">
        <fieldset disabled={locked || formState.isSubmitting} className="space-y-5">
          <div>
            <h2 id="approve-title" className="text-lg font-semibold">
              Approve
            </h2>
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
              Issues one key with the scopes you tick. The partner reveals it once from their keys page.
            </p>
          </div>
          <input type="hidden" {...register("requestId")} />
          <Controller
            control={control}
            name="grantedScopes"
            render={({ field, fieldState }) => (
              <ScopeChecklist
                legend="Granted scopes"
                value={granted}
                onChange={(next) => field.onChange(next.filter(isScopeId))}
                requested={requested}
                available={available}
                error={fieldState.error?.message}
              />
            )}
          />
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="approve-policy">
            Key policy: {KEY_POLICY[keyType].why}
          </p>
          {outsidePolicy.length > 0 && (
            <Alert tone="warning" title="Requested, but outside the key policy">
              <ScopeNames ids={outsidePolicy} /> cannot be granted to a {keyType} key. Grant what the policy allows, or reject and ask for another key type.
            </Alert>
          )}
          {organizationRefusal && (
            <Alert tone="error" title="This key cannot be approved">
              {organizationRefusal} Mark the organisation on its page first if COPA runs it; otherwise reject the request.
            </Alert>
          )}
          {(notRequested.length > 0 || highRisk.length > 0 || dropped.length > 0) && (
            <div className="space-y-2" aria-live="polite">
              {notRequested.length > 0 && (
                <Alert tone="warning" title="Granting scopes the partner did not request">
                  <ScopeNames ids={notRequested} />. Explain why in the note.
                </Alert>
              )}
              {highRisk.length > 0 && (
                <Alert tone="warning" title="Granting high-risk scopes">
                  <ScopeNames ids={highRisk} /> can change COPA data or expose payments. Check the justifications above.
                </Alert>
              )}
              {dropped.length > 0 && (
                <Alert tone="info">
                  Not granting <ScopeNames ids={dropped} />, although requested.
                </Alert>
              )}
            </div>
          )}
          {environment === "production" && <Alert tone="info">A production key reaches real cooperative data at api.copa.rw, not the sandbox.</Alert>}
          {organizationSuspended && (
            <Alert tone="warning">This organisation is suspended: a key issued now is refused by the API until it is reactivated.</Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Expiry"
              hint={`When the key stops working${maxLifetime === null ? "" : `: at most ${describeLifetime(maxLifetime)} for a ${keyType} key in ${environment}`}. Keys can be revoked at any time.`}
              error={formState.errors.expiry?.message}
              {...register("expiry")}
            >
              {expiryChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField label="Note to the partner (optional)" hint="Shown on the partner's request and kept in the audit trail." rows={3} error={formState.errors.note?.message} {...register("note")} />
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" pending={formState.isSubmitting} disabled={granted.length === 0 || !!organizationRefusal}>
            Approve and issue key{granted.length > 0 ? ` (${granted.length} ${granted.length === 1 ? "scope" : "scopes"})` : ""}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
