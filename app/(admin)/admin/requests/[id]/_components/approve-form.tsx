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
import { allowedScopes, lifetimeMessage, maxLifetimeDays, organizationViolation, type EditableKeyPolicy } from "@/lib/keys/policy";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
import { allowedExpiryChoices, approveRequestSchema, defaultExpiryChoice, expiryChoiceMessage } from "@/lib/requests/schemas";
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
  /** Why the key type holds what it does (requests.keyTypes.*.why), in the reader's language. */
  keyPolicyWhy: string;
  /** The key policy in force (/admin/policy): the scopes and expiries offered stay within it. */
  policy: EditableKeyPolicy;
};

export function ApproveForm({ requestId, requested, locked, onConflict, organizationSuspended, keyType, environment, organizationCopaRun, keyPolicyWhy, policy }: Props) {
  // The key policy bounds the grant: only scopes this type may hold are offered, and only
  // expiries within its maximum lifetime. The server applies the same policy again.
  const available = allowedScopes(keyType, policy);
  const outsidePolicy = requested.filter((s) => !(available as string[]).includes(s));
  const expiryChoices = allowedExpiryChoices(keyType, environment, policy);
  const maxLifetime = maxLifetimeDays(keyType, environment, policy);
  const root = useTranslations() as unknown as AnyTranslator;
  const t = useTranslations("admin.reviewForms");
  const refusal = organizationViolation(keyType, { copaRun: organizationCopaRun });
  // A keys.policy.* message in the reader's language (the page provides the keys namespace).
  const organizationRefusal = refusal && translateMessage(root, refusal);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(approveRequestSchema),
    // Pre-filled with what the partner asked for, within the policy; the admin may grant
    // fewer or others. The expiry starts at the longest the policy allows.
    defaultValues: { requestId, grantedScopes: requested.filter(isScopeId).filter((s) => available.includes(s)), expiry: defaultExpiryChoice(keyType, environment, policy), note: "" },
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
              {t("approveTitle")}
            </h2>
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{t("approveIntro")}</p>
          </div>
          <input type="hidden" {...register("requestId")} />
          <Controller
            control={control}
            name="grantedScopes"
            render={({ field, fieldState }) => (
              <ScopeChecklist
                legend={t("grantedScopes")}
                value={granted}
                onChange={(next) => field.onChange(next.filter(isScopeId))}
                requested={requested}
                available={available}
                error={fieldState.error?.message}
              />
            )}
          />
          <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="approve-policy">
            {t("keyPolicy", { why: keyPolicyWhy })}
          </p>
          {outsidePolicy.length > 0 && (
            <Alert tone="warning" title={t("outsidePolicyTitle")}>
              {t.rich("outsidePolicyBody", { scopes: () => <ScopeNames ids={outsidePolicy} />, type: keyType })}
            </Alert>
          )}
          {organizationRefusal && (
            <Alert tone="error" title={t("cannotApproveTitle")}>
              {t("cannotApproveBody", { refusal: organizationRefusal })}
            </Alert>
          )}
          {(notRequested.length > 0 || highRisk.length > 0 || dropped.length > 0) && (
            <div className="space-y-2" aria-live="polite">
              {notRequested.length > 0 && (
                <Alert tone="warning" title={t("notRequestedTitle")}>
                  {t.rich("notRequestedBody", { scopes: () => <ScopeNames ids={notRequested} /> })}
                </Alert>
              )}
              {highRisk.length > 0 && (
                <Alert tone="warning" title={t("highRiskTitle")}>
                  {t.rich("highRiskBody", { scopes: () => <ScopeNames ids={highRisk} /> })}
                </Alert>
              )}
              {dropped.length > 0 && (
                <Alert tone="info">{t.rich("dropped", { scopes: () => <ScopeNames ids={dropped} /> })}</Alert>
              )}
            </div>
          )}
          {environment === "production" && <Alert tone="info">{t("production")}</Alert>}
          {organizationSuspended && (
            <Alert tone="warning">{t("suspended")}</Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("expiry")}
              hint={
                maxLifetime === null
                  ? t("expiryHintNoMax")
                  : t("expiryHint", { lifetime: translateMessage(root, lifetimeMessage(maxLifetime)), type: keyType, environment })
              }
              error={formState.errors.expiry?.message}
              {...register("expiry")}
            >
              {expiryChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {translateMessage(root, expiryChoiceMessage(c))}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField label={t("note")} hint={t("noteHint")} rows={3} error={formState.errors.note?.message} {...register("note")} />
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" pending={formState.isSubmitting} disabled={granted.length === 0 || !!organizationRefusal}>
            {t("approveSubmit", { count: granted.length })}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
