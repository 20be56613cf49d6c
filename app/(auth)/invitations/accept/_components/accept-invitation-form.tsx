"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token, organizationName }: { token: string; organizationName: string }) {
  const router = useRouter();
  const t = useTranslations("auth.invitation");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  return (
    <Form
      aria-label={t("title")}
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setPending(true);
        const result = await acceptInvitationAction({ token });
        setPending(false);
        if (!result.ok) {
          setError(result.error);
          requestAnimationFrame(() => errorRef.current?.focus());
          return;
        }
        router.replace("/team?joined=1");
        router.refresh();
      }}
    >
      {error && (
        <div ref={errorRef} tabIndex={-1} className="outline-none">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        {t("join", { organization: organizationName })}
      </Button>
    </Form>
  );
}
