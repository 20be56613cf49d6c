"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Controller, useForm, useWatch, type FieldPath, type UseFormRegisterReturn } from "react-hook-form";
import { ScopeChecklist } from "@/components/scopes/scope-checklist";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Card } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { applyFieldErrors } from "@/components/ui/field-errors";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
import { ENVIRONMENTS, KEY_TYPES, type Environment, type KeyType } from "@/lib/keys/key-types";
import { KEY_POLICY, allowedScopes, maxLifetimeDays, organizationViolation, type EditableKeyPolicy, type KeyTypeRule } from "@/lib/keys/policy";
import { JUSTIFICATION_MIN, USE_CASE_MIN, accessRequestSchema, type AccessRequestData, type AccessRequestInput } from "@/lib/requests/schemas";
import { RECOMMENDED_SCOPES, SCOPES, getScope, type Scope, type ScopeId } from "@/lib/scopes/catalog";
import { resubmitAccessRequestAction, submitAccessRequestAction } from "../../actions";

export type RequestPrefill = {
  scopes: ScopeId[];
  keyType?: KeyType;
  environment?: Environment;
  keyName?: string;
  useCase?: string;
  justifications?: Record<string, string>;
};

type Props = {
  prefill: RequestPrefill;
  /**
   * Editing a request COPA sent back for changes: the key name, type and environment stay
   * (shown, not editable), a message to COPA can go with the edit, and submitting
   * resubmits this request instead of creating one.
   */
  resubmit?: { requestId: string };
  /** Whether the caller's organisation is COPA-run (only those may hold system keys). */
  copaRun: boolean;
  /**
   * The key policy in force (lib/keys/policy-store.ts, edited on /admin/policy): the form
   * offers only the scopes and lifetimes it allows, as the server enforces them.
   */
  policy: EditableKeyPolicy;
};

const TOP_LEVEL: FieldPath<AccessRequestInput>[] = ["keyName", "keyType", "environment", "useCase", "scopes"];

/** Maps a server field-error path ("justifications.members:write", "scopes.0") to the form's field. */
function formPathOf(raw: string): FieldPath<AccessRequestInput> | null {
  // The resubmit action nests the request under "request".
  const key = raw.startsWith("request.") ? raw.slice("request.".length) : raw;
  if (key.startsWith("justifications.")) return key as FieldPath<AccessRequestInput>;
  const head = key.split(".")[0];
  return TOP_LEVEL.find((f) => f === head) ?? null;
}

type Translate = ReturnType<typeof useTranslations<"requests">>;

/** "90 days", "1 year" in the reader's language. */
function lifetimeText(t: Translate, days: number): string {
  return days % 365 === 0 ? t("policy.years", { count: days / 365 }) : t("policy.days", { count: days });
}

/**
 * One line for a key type's choice: what it may hold, how long, who. The same facts as
 * lib/keys/policy's describeKeyTypePolicy, from the policy in force, in the reader's language.
 */
function policyLine(t: Translate, type: KeyType, policy: EditableKeyPolicy): string {
  const allowed = allowedScopes(type, policy);
  const parts: string[] = [];
  const rule: KeyTypeRule = KEY_POLICY[type];
  if (rule.access.includes("receive")) parts.push(t("policy.holdsOnly", { scopes: allowed.join(", ") }));
  else parts.push(allowed.some((s) => getScope(s)?.access === "write") ? t("policy.readWrite") : t("policy.readOnly"));
  const sandbox = maxLifetimeDays(type, "sandbox", policy);
  const production = maxLifetimeDays(type, "production", policy);
  if (sandbox === null && production !== null) parts.push(t("policy.productionExpires", { lifetime: lifetimeText(t, production) }));
  else if (sandbox !== null && sandbox === production) parts.push(t("policy.expires", { lifetime: lifetimeText(t, sandbox) }));
  else if (sandbox !== null && production !== null) parts.push(t("policy.expiresBoth", { sandbox: lifetimeText(t, sandbox), production: lifetimeText(t, production) }));
  if (rule.copaRunOnly) parts.push(t("policy.copaRunOnly"));
  return `${parts.join("; ")}.`;
}

export function RequestForm({ prefill, copaRun, resubmit, policy }: Props) {
  const router = useRouter();
  const t = useTranslations("requests");
  // Field errors of the schema are message keys (requests.errors.*); the text fields
  // translate their own, the radio groups and the scope checklist get them translated here.
  const root = useTranslations() as unknown as AnyTranslator;
  const tr = (message: string | undefined) => (message ? translateMessage(root, message) : message);
  const [message, setMessage] = useState("");
  const [messageError, setMessageError] = useState<string | undefined>();
  const [formError, setFormError] = useState<{ message: string; existingRequestId?: string } | null>(null);
  // A refusal shows at the top of the form, far from the submit button: bring it to the
  // partner (focus, so keyboard and screen-reader users land on it too).
  const formErrorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) formErrorRef.current?.focus();
  }, [formError]);
  // Scopes unticked because the chosen key type may not hold them, until the partner
  // next changes the scopes themselves.
  const [dropped, setDropped] = useState<string[]>([]);
  const typeOptions = KEY_TYPES.map((kt) => {
    const unavailable = organizationViolation(kt.id, { copaRun });
    return {
      id: kt.id,
      label: t(`keyTypes.${kt.id}.label`),
      description: t(`keyTypes.${kt.id}.description`),
      policy: policyLine(t, kt.id, policy),
      disabled: !!unavailable,
      note: unavailable ? t("form.notCopaRun") : undefined,
    };
  });
  const environmentOptions = ENVIRONMENTS.map((e) => ({ id: e.id, label: t(`environments.${e.id}.label`), description: t(`environments.${e.id}.description`) }));
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    getValues,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<AccessRequestInput, unknown, AccessRequestData>({
    resolver: zodResolver(accessRequestSchema),
    defaultValues: {
      keyName: prefill.keyName ?? "",
      keyType: prefill.keyType ?? "partner",
      environment: prefill.environment ?? "sandbox",
      useCase: prefill.useCase ?? "",
      scopes: prefill.scopes,
      justifications: prefill.justifications ?? {},
    },
  });
  const [useCase = "", keyType = "partner", environment = "sandbox", scopes = []] = useWatch({ control, name: ["useCase", "keyType", "environment", "scopes"] });
  const useCaseLength = useCase.trim().length;
  const isRecommendedOnly = scopes.length === RECOMMENDED_SCOPES.length && RECOMMENDED_SCOPES.every((s) => scopes.includes(s));
  const available = allowedScopes(keyType, policy);
  const recommendedFits = RECOMMENDED_SCOPES.every((s) => available.includes(s));
  const unavailable = SCOPES.map((s) => s.id).filter((id) => !available.includes(id));
  const maxLifetime = maxLifetimeDays(keyType, environment, policy);
  // Lower case inside a sentence: "a mobile key in production".
  const typeName = (typeOptions.find((o) => o.id === keyType)?.label ?? keyType).toLowerCase();
  const environmentName = (environmentOptions.find((e) => e.id === environment)?.label ?? environment).toLowerCase();

  // The form offers only what the key policy lets this type hold: on a change of type
  // (or a pre-filled link), scopes the type may not hold leave the selection, and the
  // note below says which and why. The server refuses them regardless.
  const lastType = useRef<KeyType | null>(null);
  useEffect(() => {
    if (lastType.current === keyType) return;
    lastType.current = keyType;
    const current = getValues("scopes") ?? [];
    const refused = current.filter((s) => !allowedScopes(keyType, policy).includes(s as ScopeId));
    if (refused.length > 0) {
      setValue("scopes", current.filter((s) => !refused.includes(s)), { shouldDirty: true, shouldValidate: isSubmitted });
      setDropped((before) => SCOPES.map((s) => s.id as string).filter((id) => before.includes(id) || (refused as string[]).includes(id)));
    }
  }, [keyType, getValues, setValue, isSubmitted, policy]);

  // The resolver has validated on the client; the action parses the raw input again with
  // the same schema and may still answer with field errors (e.g. a stale catalogue).
  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    setMessageError(undefined);
    const result = resubmit
      ? await resubmitAccessRequestAction({ requestId: resubmit.requestId, message, request: getValues() })
      : await submitAccessRequestAction(getValues());
    if (!result.ok) {
      const { message: messageField, ...rest } = result.fieldErrors ?? {};
      if (messageField) setMessageError(messageField);
      if (!applyFieldErrors(setError, rest, formPathOf) && !messageField) {
        setFormError({ message: result.error, existingRequestId: result.related?.type === "request" ? result.related.id : undefined });
      }
      return;
    }
    if (resubmit) {
      router.push(`/requests/${result.data.id}?resubmitted=1`);
      router.refresh();
      return;
    }
    router.push(`/requests/${result.data.id}?submitted=1`);
  });

  const renderJustification = (scope: Scope) => {
    return (
      <div className="mt-3 space-y-2">
        {scope.requiresJustification && (
          <TextAreaField
            label={t("form.justifyLabel", { scope: scope.id })}
            rows={3}
            hint={t(scope.access === "receive" ? "form.justifyHintReceive" : "form.justifyHintWrite", { min: JUSTIFICATION_MIN })}
            error={errors.justifications?.[scope.id]?.message}
            {...register(`justifications.${scope.id}`)}
          />
        )}
      </div>
    );
  };

  return (
    <Form onSubmit={onSubmit} className="space-y-6">
      {formError && (
        <div ref={formErrorRef} tabIndex={-1} className="scroll-mt-4 outline-none">
          <Alert tone="error">
            {formError.message}
            {formError.existingRequestId && (
              <>
                {" "}
                <Link href={`/requests/${formError.existingRequestId}`} className="font-medium underline">
                  {t("form.openPending")}
                </Link>
              </>
            )}
          </Alert>
        </div>
      )}

      {resubmit ? (
        <Card className="space-y-2 p-5 sm:p-6">
          <SectionHeading title={t("form.keyTitle")} description={t("form.keyFixedDescription")} />
          <p className="text-sm">
            <span className="font-medium">{prefill.keyName}</span> · {t("form.keySummary", { type: typeOptions.find((o) => o.id === keyType)?.label ?? keyType })} ·{" "}
            {environmentOptions.find((e) => e.id === environment)?.label ?? environment}
          </p>
        </Card>
      ) : (
      <Card className="space-y-5 p-5 sm:p-6">
        <SectionHeading title={t("form.keyTitle")} description={t("form.keyDescription")} />
        <TextField
          label={t("form.keyName")}
          placeholder={t("form.keyNamePlaceholder")}
          autoComplete="off"
          hint={t("form.keyNameHint")}
          error={errors.keyName?.message}
          {...register("keyName")}
        />
        <RadioCards
          legend={t("form.keyType")}
          options={typeOptions}
          error={tr(errors.keyType?.message)}
          register={register("keyType")}
          columns={2}
        />
        <div>
          <RadioCards
            legend={t("form.environment")}
            options={environmentOptions}
            error={tr(errors.environment?.message)}
            register={register("environment")}
            columns={2}
          />
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="lifetime-note">
            {maxLifetime === null
              ? t("form.lifetimeNone", { type: typeName, environment: environmentName })
              : t("form.lifetimeMax", { type: typeName, environment: environmentName, lifetime: lifetimeText(t, maxLifetime) })}
          </p>
        </div>
      </Card>
      )}

      <Card className="space-y-5 p-5 sm:p-6">
        <SectionHeading title={t("form.useCaseTitle")} description={t("form.useCaseDescription")} />
        <div>
          <TextAreaField
            label={t("form.useCaseLabel")}
            rows={5}
            placeholder={t("form.useCasePlaceholder")}
            id="use-case"
            error={errors.useCase?.message}
            // The live counter stays visible with or without an error, so describe by both.
            aria-describedby={errors.useCase ? "use-case-error use-case-counter" : "use-case-counter"}
            {...register("useCase")}
          />
          <p
            id="use-case-counter"
            aria-live="polite"
            className={`mt-1.5 text-xs ${useCaseLength >= USE_CASE_MIN ? "text-green-700 dark:text-green-400" : "text-zinc-500 dark:text-zinc-400"}`}
          >
            {useCaseLength >= USE_CASE_MIN
              ? t("form.useCaseEnough", { count: useCaseLength })
              : t("form.useCaseShort", { count: useCaseLength, min: USE_CASE_MIN })}
          </p>
        </div>
      </Card>

      <Card className="space-y-4 p-5 sm:p-6">
        <SectionHeading title={t("form.scopesTitle")} description={t("form.scopesDescription")} />
        <div data-testid="scope-policy" className="space-y-2 text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
          {unavailable.length > 0 && (
            <p>
              {t(`keyTypes.${keyType}.why`)} {t("form.notOffered")}{" "}
              {unavailable.map((id, i) => (
                <span key={id}>
                  {i > 0 && ", "}
                  <code className="font-mono text-xs">{id}</code>
                </span>
              ))}
              .
            </p>
          )}
          {dropped.length > 0 && (
            <Alert tone="warning" title={t("form.droppedTitle")}>
              {t("form.droppedBody", { count: dropped.length, scopes: dropped.join(", ") })}
            </Alert>
          )}
        </div>
        {recommendedFits && (
          <div className="flex flex-col gap-3 rounded-md border border-sky-200 bg-sky-50 p-4 text-sm sm:flex-row sm:items-center sm:justify-between dark:border-sky-900 dark:bg-sky-950">
            <p className="text-sky-900 dark:text-sky-100">
              <span className="font-medium">{t("form.recommendedLead")}</span>{" "}
              {t.rich("form.recommendedPair", { code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}
            </p>
            <Button
              variant="secondary"
              size="sm"
              className="shrink-0"
              // aria-disabled, not disabled: the button keeps focus once the pair is selected.
              aria-disabled={isRecommendedOnly}
              onClick={() => {
                if (isRecommendedOnly) return;
                setDropped([]);
                setValue("scopes", [...RECOMMENDED_SCOPES], { shouldDirty: true, shouldValidate: isSubmitted });
              }}
            >
              {isRecommendedOnly ? t("form.recommendedSelected") : t("form.useRecommended")}
            </Button>
            <span role="status" className="sr-only">
              {isRecommendedOnly ? t("form.recommendedStatus") : ""}
            </span>
          </div>
        )}
        <Controller
          control={control}
          name="scopes"
          render={({ field, fieldState }) => (
            <ScopeChecklist
              legend={t("form.chooseScopes")}
              value={field.value ?? []}
              onChange={(next) => {
                setDropped([]);
                field.onChange(next);
              }}
              available={available}
              renderExtra={renderJustification}
              error={tr(fieldState.error?.message ?? (errors.scopes as { message?: string } | undefined)?.message)}
            />
          )}
        />
        {scopes.some((s) => getScope(s)?.requiresJustification) && (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("form.writeReviewed")}</p>
        )}
      </Card>

      {resubmit && (
        <Card className="space-y-3 p-5 sm:p-6">
          <SectionHeading title={t("form.messageTitle")} description={t("form.messageDescription")} />
          <TextAreaField label={t("form.message")} rows={3} name="message" value={message} onChange={(e) => setMessage(e.target.value)} error={messageError} />
        </Card>
      )}

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("form.withdrawNote")}</p>
        <div className="flex gap-3">
          <Link
            href={resubmit ? `/requests/${resubmit.requestId}` : "/requests"}
            className="inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            {t("form.cancel")}
          </Link>
          <Button type="submit" pending={isSubmitting}>
            {resubmit ? t("form.resubmit") : t("form.submit")}
          </Button>
        </div>
      </div>
    </Form>
  );
}

function SectionHeading({ title, description }: { title: string; description: string }) {
  return (
    <div>
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
    </div>
  );
}

type RadioOption = { id: string; label: string; description: string; policy?: string; disabled?: boolean; note?: string };

/** A radio group drawn as selectable cards, each option explained. */
function RadioCards({
  legend,
  options,
  error,
  register,
  columns,
}: {
  legend: string;
  options: readonly RadioOption[];
  error?: string;
  register: UseFormRegisterReturn;
  columns: 2 | 4;
}) {
  const base = useId();
  return (
    <fieldset aria-describedby={error ? `${base}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <div className={`mt-2 grid gap-3 ${columns === 4 ? "sm:grid-cols-2 lg:grid-cols-4" : "sm:grid-cols-2"}`}>
        {options.map((option) => {
          const id = `${base}-${option.id}`;
          return (
            <label
              key={option.id}
              htmlFor={id}
              className="flex cursor-pointer gap-3 rounded-md border border-zinc-300 p-3 transition hover:border-zinc-400 has-disabled:cursor-not-allowed has-disabled:bg-zinc-50 has-disabled:hover:border-zinc-300 dark:has-disabled:bg-zinc-900 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600 dark:border-zinc-700 dark:hover:border-zinc-600 dark:has-checked:border-brand-500 dark:has-checked:bg-brand-900/30 dark:has-checked:ring-brand-500"
            >
              <input
                id={id}
                type="radio"
                value={option.id}
                className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                // The accessible name is the short label; the description is extra detail.
                aria-labelledby={`${id}-label`}
                aria-describedby={`${id}-desc`}
                {...register}
                disabled={option.disabled}
              />
              <span className="min-w-0">
                <span id={`${id}-label`} className="block text-sm font-medium">
                  {option.label}
                </span>
                <span id={`${id}-desc`} className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">
                  {option.description}
                  {option.policy && <span className="mt-1 block text-zinc-700 dark:text-zinc-300">{option.policy}</span>}
                  {option.note && <span className="mt-1 block font-medium text-amber-800 dark:text-amber-300">{option.note}</span>}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={`${base}-error`} className="mt-1.5 text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
