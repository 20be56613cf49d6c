"use client";

// The sign-in's second step for accounts with two-factor on. The server answered
// TwoFactorRequired to e-mail and password without creating a session
// (lib/auth/two-factor/sign-in.ts); this step posts all three again with the code. The
// password stays in this component's memory only, and is dropped on "Start over".
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { parseThrottledCode, retryMinutes } from "@/lib/auth/throttle-policy";
import { TWO_FACTOR_INVALID, TWO_FACTOR_LOCKED } from "@/lib/auth/two-factor/schemas";

type Props = { email: string; password: string; onSignedIn: () => void; onStartOver: (message?: string) => void };

export function TwoFactorStep({ email, password, onSignedIn, onStartOver }: Props) {
  const t = useTranslations("auth");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(useRecovery ? t("twoFactor.enterRecovery") : t("twoFactor.enterCode"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, code, redirect: false });
    setPending(false);
    if (result && !result.error) return onSignedIn();
    setCode("");
    if (result?.error === TWO_FACTOR_INVALID) setError(t("twoFactor.invalid"));
    else if (result?.error === TWO_FACTOR_LOCKED) setError(t("twoFactor.locked"));
    // The sign-in throttle counts code attempts too (lib/auth/sign-in.ts).
    else if (parseThrottledCode(result?.error) !== null) setError(t("errors.throttled", { minutes: retryMinutes(parseThrottledCode(result?.error)!) }));
    // The password no longer matches (changed meanwhile): back to the first step.
    else if (result?.error === "CredentialsSignin") onStartOver(t("signIn.wrongCredentials"));
    else setError(t("signIn.failed"));
  };

  return (
    <Form onSubmit={submit} className="space-y-4">
      <h2 className="font-semibold">{t("twoFactor.title")}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {useRecovery ? t("twoFactor.recoveryHelp") : t("twoFactor.appHelp")}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        key={useRecovery ? "recovery" : "totp"}
        label={useRecovery ? t("twoFactor.recoveryLabel") : t("twoFactor.codeLabel")}
        name="code"
        autoComplete="one-time-code"
        inputMode={useRecovery ? "text" : "numeric"}
        autoFocus
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {t("twoFactor.submit")}
      </Button>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode("");
            setError(null);
          }}
        >
          {useRecovery ? t("twoFactor.useApp") : t("twoFactor.useRecovery")}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => onStartOver()}>
          {t("twoFactor.startOver")}
        </Button>
      </div>
    </Form>
  );
}
