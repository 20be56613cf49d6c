"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { saveNotificationPreferencesAction } from "../actions";

type Kind = { id: string; label: string };

export function NotificationPreferences({ kinds, mailOn, isAdmin, newRequestMail }: { kinds: Kind[]; mailOn: string[]; isAdmin: boolean; newRequestMail: "instant" | "digest" }) {
  const t = useTranslations("account.preferences");
  const [on, setOn] = useState<string[]>(mailOn);
  const [digest, setDigest] = useState(newRequestMail);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const status = useRef<HTMLParagraphElement>(null);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveNotificationPreferencesAction({ mail: on, ...(isAdmin ? { newRequestMail: digest } : {}) });
      setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error });
      status.current?.focus();
    });
  };

  return (
    <form onSubmit={save} className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium">{t("legend")}</legend>
        <div className="mt-2 space-y-2">
          {kinds.map((k) => (
            <label key={k.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="mail"
                value={k.id}
                checked={on.includes(k.id)}
                onChange={(e) => setOn((cur) => (e.target.checked ? [...cur, k.id] : cur.filter((x) => x !== k.id)))}
                className="h-4 w-4 accent-brand-600"
              />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      {isAdmin && (
        <fieldset>
          <legend className="text-sm font-medium">{t("adminLegend")}</legend>
          <div className="mt-2 space-y-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="newRequestMail" value="instant" checked={digest === "instant"} onChange={() => setDigest("instant")} className="h-4 w-4 accent-brand-600" />
              {t("instant")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="newRequestMail" value="digest" checked={digest === "digest"} onChange={() => setDigest("digest")} className="h-4 w-4 accent-brand-600" />
              {t("digest")}
            </label>
          </div>
        </fieldset>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <p ref={status} tabIndex={-1} role="status" className={`text-sm outline-none ${message?.ok === false ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
