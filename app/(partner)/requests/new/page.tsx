import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { getOrganizationStanding } from "@/lib/organizations/service";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS } from "@/lib/keys/key-types";
import { organizationViolation } from "@/lib/keys/policy";
import { isScopeId } from "@/lib/scopes/catalog";
import { getOrganizationRequest, parseJustifications } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";
import { RequestForm, type RequestPrefill } from "./_components/request-form";

export const metadata: Metadata = { title: "Request API access" };

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
  const standing = await getOrganizationStanding(user.membership.organizationId);
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

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/requests" className="hover:text-zinc-800 dark:hover:text-zinc-200">Requests</Link> <span aria-hidden>/</span> New
      </nav>
      <PageHeader
        title="Request API access"
        description={`Describe what ${user.membership.organization.legalName} will build and choose the scopes it needs. A COPA admin reviews every request.`}
      />
      {source && (
        <div className="mb-6">
          <Alert tone="info" title={`Starting from “${source.keyName}”`}>
            The answers of your earlier request are filled in. Change what COPA asked for, then submit: this is a new request, reviewed afresh.
          </Alert>
        </div>
      )}
      {first(params.welcome) === "1" && (
        <div className="mb-6">
          <Alert tone="success" title="Your organisation is set up">
            Step 2 of 2: request your first key. Start with a sandbox key: it works against this portal&apos;s fictional sample data, so you can build before asking for production access.
          </Alert>
        </div>
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          {canRequest ? (
            <RequestForm prefill={prefill} copaRun={copaRun} />
          ) : (
            <Alert tone="warning" title="Viewers cannot request keys">
              Your role in {user.membership.organization.legalName} is <strong>viewer</strong>: you can see its requests and keys, but only an owner or a developer can
              request access. Ask one of them to submit the request, or to change your role on the{" "}
              <Link href="/team" className="underline">team page</Link>.
            </Alert>
          )}
        </div>
        <aside className="space-y-4 text-sm lg:sticky lg:top-6 lg:self-start">
          <Card className="p-4">
            <h2 className="font-medium">What happens next</h2>
            <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-zinc-600 dark:text-zinc-400">
              <li>A COPA admin reviews your use case and scopes. They may grant fewer scopes than you ask for.</li>
              <li>Once approved, the key appears under <Link href="/keys" className="underline">API keys</Link>, ready to reveal.</li>
              <li>You see the full key once. Store it in your secret manager.</li>
            </ol>
          </Card>
          <Card className="p-4">
            <h2 className="font-medium">Asking for the fewest scopes</h2>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">
              Requests with only the scopes a use case needs are approved fastest. Write scopes change real records and need a justification.
            </p>
            <Link href="/docs/scopes" className="mt-2 inline-block font-medium text-brand-700 hover:underline dark:text-brand-100">
              Read the scope guide →
            </Link>
          </Card>
        </aside>
      </div>
    </>
  );
}
