"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { MEMBER_ROLES, type MemberRole } from "@/lib/organizations/member-schemas";
import { changeMemberRoleAction, removeMemberAction } from "../actions";

type Props = { membershipId: string; name: string; role: MemberRole; isSelf: boolean };

/** An owner's controls for one member: change the role, or remove them (confirmed). */
export function MemberControls({ membershipId, name, role, isSelf }: Props) {
  const router = useRouter();
  const t = useTranslations("team");
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  const changeRole = (next: MemberRole) =>
    startTransition(async () => {
      setError(null);
      const result = await changeMemberRoleAction({ membershipId, role: next });
      if (!result.ok) setError(result.error);
      router.refresh();
    });

  const remove = () =>
    startTransition(async () => {
      setError(null);
      const result = await removeMemberAction({ membershipId });
      if (!result.ok) {
        setError(result.error);
        setConfirming(false);
        return;
      }
      setConfirming(false);
      router.refresh();
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${membershipId}`}>
          {t("member.roleOf", { name })}
        </label>
        <select
          id={`role-${membershipId}`}
          value={role}
          disabled={pending}
          onChange={(e) => changeRole(e.target.value as MemberRole)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {MEMBER_ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {t(`roles.${r.id}.label`)}
            </option>
          ))}
        </select>
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} disabled={pending}>
          {isSelf ? t("member.leave") : t("member.remove")}
        </Button>
      </div>
      {error && <p className="max-w-xs text-right text-xs text-red-600 dark:text-red-400">{error}</p>}
      <Dialog
        open={confirming}
        onClose={() => !pending && setConfirming(false)}
        tone="danger"
        title={isSelf ? t("member.leaveTitle") : t("member.removeTitle", { name })}
        description={isSelf ? t("member.leaveDescription") : t("member.removeDescription", { name })}
      >
        {error && (
          <div className="mb-4">
            <Alert tone="error">{error}</Alert>
          </div>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            {t("member.cancel")}
          </Button>
          <Button variant="danger" onClick={remove} pending={pending}>
            {isSelf ? t("member.leave") : t("member.remove")}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
