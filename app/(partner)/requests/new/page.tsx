import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { getKeyPolicy } from "@/lib/keys/policy-store";
import { getOrganizationStanding } from "@/lib/organizations/service";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS } from "@/lib/keys/key-types";
import { organizationViolation } from "@/lib/keys/policy";
import { isScopeId } from "@/lib/scopes/catalog";
import { getOrganizationRequest, parseJustifications } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";
import { RequestForm, type RequestPrefill } from "./_components/request-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.new");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Pre-fill from links such as the docs' scope picker:
 * ?scopes=cooperatives:read,members:read&type=partner&environment=sandbox.
 * Unknown values are dropped silently: a stale or hand-edited link still opens the form.
 */
function prefillFrom(params: SearchParams): RequestPrefill {
  const scopes = (first(params.scopes) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(isScopeId);
  const type = first(params.type);
  const environment = first(params.environment);
  return {
    scopes: [...new Set(scopes)],
    keyType: KEY_TYPE_IDS.find((t) => t === type),
    environment: ENVIRONMENT_IDS.find((e) => e === environment),
  };
}

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePartnerPage("/requests/new");
  const params = await searchParams;
  const canRequest = canManageKeys(user.membership.role);
  const [standing, policy] = await Promise.all([getOrganizationStanding(user.membership.organizationId), getKeyPolicy()]);
  const copaRun = standing?.copaRun ?? false;
  let prefill = prefillFrom(params);
  // "Start a new request from this one" (a rejected or withdrawn request): its answers,
  // read tenant-scoped, so another organisation's id just opens an empty form.
  const from = first(params.from);
  const source = from && UUID.test(from) ? await getOrganizationRequest(user.membership.organizationId, from) : null;
  if (source) {
    prefill = {
      keyName: source.keyName,
      keyType: KEY_TYPE_IDS.find((t) => t === source.keyType),
      environment: ENVIRONMENT_IDS.find((e) => e === source.environment),
      useCase: source.useCase,
      scopes: parseScopes(source.requestedScopes).filter(isScopeId),
      justifications: parseJustifications(source.justifications),
    };
  }
  // A link may name a key type this organisation cannot hold (system): start from the default.
  if (prefill.keyType && organizationViolation(prefill.keyType, { copaRun })) prefill.keyType = undefined;
  const t = await getTranslations("requests");
  const organization = user.membership.organization.legalName;

  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/requests" className="hover:text-zinc-800 dark:hover:text-zinc-200">{t("breadcrumb.requests")}</Link> <span aria-hidden>/</span> {t("breadcrumb.new")}
      </nav>
      <PageHeader title={t("new.title")} description={t("new.description", { organization })} />
      {source && (
        <div className="mb-6">
          <Alert tone="info" title={t("new.fromTitle", { keyName: source.keyName })}>
            {t("new.fromBody")}
          </Alert>
        </div>
      )}
      {first(params.welcome) === "1" && (
        <div className="mb-6">
          <Alert tone="success" title={t("new.welcomeTitle")}>
            {t("new.welcomeBody")}
          </Alert>
        </div>
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          {canRequest ? (
            // The form's words and its field errors (requests), and the scope checklist's (scopes).
            <ClientMessages namespaces={["requests", "scopes", "keys"]}>
              <RequestForm prefill={prefill} copaRun={copaRun} policy={policy} />
            </ClientMessages>
          ) : (
            <Alert tone="warning" title={t("new.viewerTitle")}>
              {t.rich("new.viewerBody", {
                organization,
                strong: (chunks) => <strong>{chunks}</strong>,
                link: (chunks) => (
                  <Link href="/team" className="underline">
                    {chunks}
                  </Link>
                ),
              })}
            </Alert>
          )}
        </div>
        <aside className="space-y-4 text-sm lg:sticky lg:top-6 lg:self-start">
          <Card className="p-4">
            <h2 className="font-medium">{t("new.nextTitle")}</h2>
            <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-zinc-600 dark:text-zinc-400">
              <li>{t("new.next1")}</li>
              <li>
                {t.rich("new.next2", {
                  link: (chunks) => (
                    <Link href="/keys" className="underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </li>
              <li>{t("new.next3")}</li>
            </ol>
          </Card>
          <Card className="p-4">
            <h2 className="font-medium">{t("new.fewestTitle")}</h2>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("new.fewestBody")}</p>
            <Link href="/docs/scopes" className="mt-2 inline-block font-medium text-brand-700 hover:underline dark:text-brand-100">
              {t("new.scopeGuide")}
            </Link>
          </Card>
        </aside>
      </div>
    </>
  );
}
