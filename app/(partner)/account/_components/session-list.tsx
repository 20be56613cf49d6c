"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { endSessionAction } from "../actions";

export type SessionRow = { id: string; device: string; ip: string | null; createdAt: string; lastSeenAt: string; isCurrent: boolean };

export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const t = useTranslations("account.sessions");
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const end = (session: SessionRow) =>
    startTransition(async () => {
      setError(null);
      setEnded(null);
      setPendingId(session.id);
      const result = await endSessionAction({ sessionId: session.id });
      setPendingId(null);
      if (!result.ok) {
        setError(result.error);
        router.refresh();
        return;
      }
      if (result.data.endedCurrent) {
        await signOut({ callbackUrl: "/sign-in" });
        return;
      }
      setEnded(t("ended", { device: session.device }));
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      {ended && <Alert tone="success" focusOnMount>{ended}</Alert>}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label={t("listLabel")}>
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" aria-label={s.isCurrent ? t("itemCurrent", { device: s.device }) : s.device}>
            <div className="min-w-0 text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {s.device}
                {s.isCurrent && <Badge tone="green">{t("thisBrowser")}</Badge>}
              </p>
              <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                {t.rich("details", {
                  ip: s.ip ?? t("addressUnknown"),
                  created: () => <Time value={s.createdAt} relative />,
                  seen: () => <Time value={s.lastSeenAt} relative />,
                })}
              </p>
            </div>
            <div className="shrink-0">
              <Button variant="secondary" onClick={() => end(s)} pending={pendingId === s.id} aria-label={s.isCurrent ? t("signOutHereLabel") : t("endLabel", { device: s.device, ip: s.ip ?? t("addressUnknown") })}>
                {s.isCurrent ? t("signOutHere") : t("end")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
