"use client";

// Issues a gateway credential and shows its token exactly once. The token arrives in the
// action's response and lives only in this component's state: never in a URL or a
// server-rendered page, and gone when the admin closes the panel.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { issueGatewayCredentialAction } from "@/lib/gateway/actions";
import { issueGatewayCredentialSchema, type IssueGatewayCredentialInput } from "@/lib/gateway/schemas";

type Issued = { name: string; token: string; mask: string };

export function IssueCredential() {
  const router = useRouter();
  const t = useTranslations("admin.gateway");
  // Reveal, rotate, revoke and credentials need a recent sign-in (lib/auth/step-up).
  const stepUp = useStepUp();
  const [pending, startTransition] = useTransition();
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<IssueGatewayCredentialInput>({ resolver: zodResolver(issueGatewayCredentialSchema), defaultValues: { name: "" } });

  const submit = form.handleSubmit((values) => {
    setError(null);
    startTransition(async () => {
      const result = await stepUp.guard(() => issueGatewayCredentialAction(values));
      if (!result.ok) {
        applyFieldErrors(form.setError, result.fieldErrors, fieldsNamed<IssueGatewayCredentialInput>("name"));
        setError(result.error);
        return;
      }
      form.reset();
      setIssued({ name: result.data.name, token: result.data.token, mask: result.data.mask });
    });
  });

  if (issued) {
    return (
      <TokenPanel
        issued={issued}
        onDone={() => {
          setIssued(null);
          router.refresh();
        }}
      />
    );
  }

  return (
    <>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <TextField label={t("name")} placeholder={t("namePlaceholder")} error={form.formState.errors.name?.message} {...form.register("name")} />
        </div>
        <Button type="submit" pending={pending} className="sm:mt-7">
          {t("issue")}
        </Button>
        {error && !form.formState.errors.name && <Alert tone="error">{error}</Alert>}
      </form>
      {stepUp.dialog}
    </>
  );
}

function TokenPanel({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const fieldId = useId();
  const t = useTranslations("admin.gateway");
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied(true);
    } catch {
      input.current?.select();
    }
  };
  return (
    <div className="space-y-3" data-testid="gateway-token-panel">
      <Alert tone="warning" title={t("copyTitle", { name: issued.name })}>
        {t.rich("copyBody", { header: "Authorization: Bearer <token>", mask: issued.mask, code: (chunks) => <code>{chunks}</code> })}
      </Alert>
      <label htmlFor={fieldId} className="block text-sm font-medium">
        {t("tokenLabel")}
      </label>
      <div className="flex gap-2">
        <input
          ref={input}
          id={fieldId}
          readOnly
          value={issued.token}
          autoComplete="off"
          spellCheck={false}
          data-1p-ignore
          data-lpignore="true"
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button variant={copied ? "secondary" : "primary"} onClick={copy} className="w-24 shrink-0" aria-live="polite">
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={onDone}>
          {t("stored")}
        </Button>
      </div>
    </div>
  );
}
