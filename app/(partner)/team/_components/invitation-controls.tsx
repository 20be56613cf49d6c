"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resendInvitationAction, revokeInvitationAction } from "../actions";

/** An owner's controls for one pending invitation: send a new link, or revoke it. */
export function InvitationControls({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const t = useTranslations("team.invitation");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const run = (action: typeof resendInvitationAction, done: string) =>
    startTransition(async () => {
      const result = await action({ invitationId });
      setMessage(result.ok ? { text: done, error: false } : { text: result.error, error: true });
      router.refresh();
      requestAnimationFrame(() => messageRef.current?.focus());
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => run(resendInvitationAction, t("resent", { email }))} aria-label={t("resendLabel", { email })}>
          {t("resend")}
        </Button>
        <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(revokeInvitationAction, t("revoked", { email }))} aria-label={t("revokeLabel", { email })}>
          {t("revoke")}
        </Button>
      </div>
      {message && (
        <p ref={messageRef} tabIndex={-1} role={message.error ? "alert" : "status"} className={`text-xs outline-none ${message.error ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
