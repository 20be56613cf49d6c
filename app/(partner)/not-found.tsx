import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";

// What a partner sees for a request or key id that is not theirs, or not anyone's. The
// two cases look the same on purpose: another organisation's ids must reveal nothing.
export default async function PartnerNotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("common.notFound.partnerTitle")}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {t("common.notFound.partnerBody")}
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <LinkButton href="/keys">{t("common.nav.keys")}</LinkButton>
        <LinkButton href="/requests" variant="secondary">
          {t("common.nav.requests")}
        </LinkButton>
      </div>
    </div>
  );
}
