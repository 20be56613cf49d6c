"use client";

// A key's IP allowlist on its page. Owners and developers edit it (one entry a line);
// viewers see it. The server normalises what was typed (lib/net/allowlist.ts) and the
// saved, canonical list replaces the text, so the partner sees exactly what the API checks.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { announce } from "@/components/ui/focus";
import { setKeyAllowlistAction } from "../actions";

type Props = { keyId: string; entries: string[]; canEdit: boolean };

export function IpAllowlistPanel({ keyId, entries, canEdit }: Props) {
  const t = useTranslations("insight.allowlist");
  const router = useRouter();
  const stepUp = useStepUp();
  const [text, setText] = useState(entries.join("\n"));
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The result shows above the form: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    const result = await stepUp.guard(() => setKeyAllowlistAction({ keyId, allowedIps: text }));
    setBusy(false);
    if (!result.ok) {
      setFieldError(result.fieldErrors?.allowedIps);
      setOutcome({ tone: "error", text: result.error });
      return;
    }
    setText(result.data.allowedIps.join("\n"));
    const message = result.data.allowedIps.length ? t("saved", { count: result.data.allowedIps.length }) : t("cleared");
    setOutcome({ tone: "success", text: message });
    announce(message);
    router.refresh();
  };

  return (
    <Card className="p-5 sm:p-6" id="ip-allowlist">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div ref={outcomeRef} tabIndex={-1} className="mt-3 outline-none" data-testid="allowlist-outcome">
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      </div>
      {canEdit ? (
        <form onSubmit={save} noValidate className="mt-3 space-y-3">
          <TextAreaField
            label={t("label")}
            hint={t("hint")}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={fieldError}
            disabled={busy}
            className="font-mono"
            spellCheck={false}
          />
          <Button type="submit" pending={busy}>
            {t("save")}
          </Button>
        </form>
      ) : entries.length ? (
        <ul className="mt-3 space-y-1 font-mono text-sm" aria-label={t("label")}>
          {entries.map((entry) => (
            <li key={entry}>{entry}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{t("any")}</p>
      )}
      {stepUp.dialog}
    </Card>
  );
}
