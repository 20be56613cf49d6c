"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SecretPanel } from "@/components/keys/secret-panel";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Time } from "@/components/ui/time";
import { rotateKeySchema, type RotateKeyInput } from "@/lib/keys/schemas";
import { ROTATION_GRACE } from "@/lib/keys/status";
import { rotateKeyAction } from "../actions";

type Props = { keyId: string; keyName: string; mask: string | null; expiresAt: string | null };
type Rotated = { keyId: string; secret: string; mask: string; oldKeyWorksUntil: string | null };

export function RotateKeyButton({ keyId, keyName, mask, expiresAt }: Props) {
  const t = useTranslations("keys.rotate");
  const router = useRouter();
  // Reveal, rotate, revoke and credentials need a recent sign-in (lib/auth/step-up).
  const stepUp = useStepUp();
  const [open, setOpen] = useState(false);
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<RotateKeyInput>({ resolver: zodResolver(rotateKeySchema), defaultValues: { keyId, grace: "24h" } });
  const grace = watch("grace");

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await stepUp.guard(() => rotateKeyAction(values));
    if (!result.ok) setError(result.fieldErrors?.grace ?? result.error);
    else setRotated(result.data);
  });

  const close = () => {
    const next = rotated?.keyId;
    setRotated(null);
    setError(null);
    setOpen(false);
    reset();
    // Continue on the new key's page; the old one now links to it.
    if (next) router.push(`/keys/${next}`);
    router.refresh();
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        dismissible={!rotated && !isSubmitting}
        wide
        title={rotated ? t("titleDone", { name: keyName }) : t("title", { name: keyName })}
        description={
          rotated ? undefined : t.rich("description", { mask: () => (mask ? <span className="font-mono">{mask}</span> : null) })
        }
      >
        {rotated ? (
          <SecretPanel secret={rotated.secret} mask={rotated.mask} onDone={close}>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              {rotated.oldKeyWorksUntil
                ? t.rich("oldWorksUntil", { time: () => <Time value={rotated.oldKeyWorksUntil} className="font-medium" /> })
                : t("oldStopped")}
            </p>
          </SecretPanel>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            {error && <Alert tone="error">{error}</Alert>}
            <input type="hidden" {...register("keyId")} />
            <fieldset>
              <legend className="text-sm font-medium">{t("legend")}</legend>
              <div className="mt-2 space-y-2">
                {ROTATION_GRACE.map((g) => (
                  <label
                    key={g.id}
                    className="flex cursor-pointer gap-3 rounded-md border border-zinc-300 p-3 has-checked:border-brand-600 has-checked:bg-brand-50 dark:border-zinc-700 dark:has-checked:border-brand-500 dark:has-checked:bg-brand-900/30"
                  >
                    <input type="radio" value={g.id} className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600" aria-describedby={`grace-${g.id}-help`} {...register("grace")} />
                    <span>
                      <span className="block text-sm font-medium">{t(`grace.${g.id}.label`)}</span>
                      <span id={`grace-${g.id}-help`} className="block text-xs text-zinc-600 dark:text-zinc-400">
                        {t(`grace.${g.id}.help`)}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.grace && <p className="mt-1.5 text-xs font-medium text-red-600 dark:text-red-400">{errors.grace.message}</p>}
            </fieldset>
            {expiresAt && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {t.rich("expiresNote", { time: () => <Time value={expiresAt} /> })}
              </p>
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close} disabled={isSubmitting}>
                {t("cancel")}
              </Button>
              <Button type="submit" variant={grace === "now" ? "danger" : "primary"} pending={isSubmitting}>
                {grace === "now" ? t("submitNow") : t("submit")}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
      {stepUp.dialog}
    </>
  );
}
