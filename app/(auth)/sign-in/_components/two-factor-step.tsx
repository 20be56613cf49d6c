"use client";

// The sign-in's second step for accounts with two-factor on. The server answered
// TwoFactorRequired to e-mail and password without creating a session
// (lib/auth/two-factor/sign-in.ts); this step posts all three again with the code. The
// password stays in this component's memory only, and is dropped on "Start over".
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { parseThrottledCode, throttledMessage } from "@/lib/auth/throttle-policy";
import { TWO_FACTOR_INVALID, TWO_FACTOR_LOCKED } from "@/lib/auth/two-factor/schemas";

type Props = { email: string; password: string; onSignedIn: () => void; onStartOver: (message?: string) => void };

export function TwoFactorStep({ email, password, onSignedIn, onStartOver }: Props) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(useRecovery ? "Enter one of your recovery codes" : "Enter the 6-digit code from your authenticator app");
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, code, redirect: false });
    setPending(false);
    if (result && !result.error) return onSignedIn();
    setCode("");
    if (result?.error === TWO_FACTOR_INVALID) setError("That code is not right, or it was already used. Try the newest code.");
    else if (result?.error === TWO_FACTOR_LOCKED) setError("Too many wrong codes. Wait 15 minutes and try again.");
    // The sign-in throttle counts code attempts too (lib/auth/sign-in.ts).
    else if (parseThrottledCode(result?.error) !== null) setError(throttledMessage(parseThrottledCode(result?.error)!));
    // The password no longer matches (changed meanwhile): back to the first step.
    else if (result?.error === "CredentialsSignin") onStartOver("The e-mail or password is not correct.");
    else setError("We could not sign you in just now. Please try again.");
  };

  return (
    <Form onSubmit={submit} className="space-y-4">
      <h2 className="font-semibold">Two-factor authentication</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {useRecovery ? "Enter one of the recovery codes you saved when you set up two-factor. Each works once." : "Open your authenticator app and enter the 6-digit code for COPA Developers."}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        key={useRecovery ? "recovery" : "totp"}
        label={useRecovery ? "Recovery code" : "Authentication code"}
        name="code"
        autoComplete="one-time-code"
        inputMode={useRecovery ? "text" : "numeric"}
        autoFocus
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <Button type="submit" className="w-full" pending={pending}>
        Verify and sign in
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
          {useRecovery ? "Use your authenticator app" : "Use a recovery code"}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => onStartOver()}>
          Start over
        </Button>
      </div>
    </Form>
  );
}
