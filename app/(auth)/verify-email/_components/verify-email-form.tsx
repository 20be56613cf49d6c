"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { verifyEmailAction } from "../actions";

export function VerifyEmailForm({ token, signedIn }: { token: string; signedIn: boolean }) {
  const t = useTranslations("auth.verifyEmail");
  const [state, setState] = useState<{ done: boolean; error: string | null; pending: boolean }>({ done: false, error: null, pending: false });
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.done) resultRef.current?.focus();
  }, [state.done]);

  if (state.done) {
    return (
      <>
        <h1 ref={resultRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
          {t("done")}
        </h1>
        <Card className="mt-6 space-y-4 p-6">
          <p className="text-sm">{t("doneBody")}</p>
          <Link href={signedIn ? "/dashboard" : "/sign-in?verified=1"} className="inline-block font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {signedIn ? t("dashboard") : t("signIn")}
          </Link>
        </Card>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <Card className="mt-6 p-6">
        <Form
          aria-label={t("title")}
          className="space-y-4"
          onSubmit={async (event) => {
            event.preventDefault();
            setState({ done: false, error: null, pending: true });
            const result = await verifyEmailAction({ token });
            setState(result.ok ? { done: true, error: null, pending: false } : { done: false, error: result.error, pending: false });
          }}
        >
          {state.error && <Alert tone="error">{state.error}</Alert>}
          <Button type="submit" className="w-full" pending={state.pending}>
            {t("submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
