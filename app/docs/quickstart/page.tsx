import type { Metadata } from "next";
import Link from "next/link";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage } from "@/components/docs/docs-page";
import { A, C, Callout, Step, Steps, Table, Td } from "@/components/docs/prose";
import { ScopeLink } from "@/components/scopes/scope-link";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { PRODUCTION_BASE_URL } from "@/lib/docs/environments";
import { docsError } from "@/lib/docs/errors";
import { requestScopesHref } from "@/lib/docs/picker";
import { getDocsReader, type DocsReader } from "@/lib/docs/reader";
import { SAMPLE_COOPERATIVE_JSON, sampleCooperativeList } from "@/lib/docs/samples";
import { cooperativeMembersSnippets, exportKeySnippet, listCooperativesSnippets } from "@/lib/docs/snippets";
import { USE_CASE_MIN } from "@/lib/requests/schemas";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";
import { RECOMMENDED_SCOPES } from "@/lib/scopes/catalog";
import { requiredScope } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Quickstart" };

const TOC = [
  { id: "account", title: "Create your account" },
  { id: "request", title: "Request a sandbox key" },
  { id: "store-the-key", title: "Store the key" },
  { id: "first-call", title: "Make your first call" },
  { id: "one-cooperative", title: "Fetch one cooperative" },
  { id: "errors", title: "Handle errors" },
  { id: "production", title: "Go to production" },
];

const BUTTON =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export default async function QuickstartPage() {
  const [base, reader] = await Promise.all([sandboxBaseUrl(), getDocsReader()]);
  const sandboxRequest = requestScopesHref(RECOMMENDED_SCOPES, { type: "partner", environment: "sandbox" });
  const productionRequest = requestScopesHref(RECOMMENDED_SCOPES, { type: "partner", environment: "production" });
  const firstKey = reader.kind === "member" ? reader.activeSandboxKeys[0] : undefined;

  return (
    <DocsPage
      href="/docs/quickstart"
      title="Quickstart"
      toc={TOC}
      lead={
        <p>
          From a new account to your first successful call: get a sandbox key, keep it in an environment variable and
          list cooperatives from this portal&apos;s sandbox, which serves fictional sample data.
        </p>
      }
    >
      <ReaderPanel reader={reader} base={base} />

      <Steps>
        <Step id="account" title="Create your account and organisation">
          {reader.kind === "member" ? (
            <p>
              Done: you are signed in as a member of <strong className="font-semibold text-zinc-900 dark:text-white">{reader.organizationName}</strong>.
            </p>
          ) : reader.kind === "no-organization" ? (
            <p>
              You are signed in. <A href="/onboarding">Set up your organisation</A>: keys belong to an organisation, not to
              a person, so colleagues can manage them with you.
            </p>
          ) : (
            <>
              <p>
                <A href="/sign-up">Sign up</A> with your work e-mail, then describe your organisation (legal name, kind,
                country, contact). Keys belong to the organisation, so colleagues can manage them with you.
              </p>
              <p>
                <Link href="/sign-up" className={BUTTON}>
                  Create an account
                </Link>
              </p>
            </>
          )}
        </Step>

        <Step id="request" title="Request a sandbox key">
          <p>
            Request a <C>partner</C> key in the <C>sandbox</C> environment with {listScopes(RECOMMENDED_SCOPES)}: the two
            read scopes most integrations need. The link below opens the request form with these choices made; you add a
            name for the key and describe your use case (at least {USE_CASE_MIN} characters).
          </p>
          {firstKey ? (
            <p>
              Done: <strong className="font-semibold text-zinc-900 dark:text-white">{firstKey.name}</strong> is an active
              sandbox key. <A href={sandboxRequest}>Request another</A> if a second integration needs its own.
            </p>
          ) : (
            <p>
              <Link href={sandboxRequest} className={BUTTON}>
                Request a sandbox key
              </Link>
            </p>
          )}
          <p>
            A COPA administrator reviews the request; you follow its status on your <A href="/requests">Requests</A> page.
            Need other endpoints? The <A href="/docs/scopes#picker">scope picker</A> gives the smallest set of scopes for
            the endpoints you will call.
          </p>
        </Step>

        <Step id="store-the-key" title="Reveal the key and keep it in the environment">
          <p>
            Once approved, open <A href="/keys">API keys</A> and reveal the key. It is shown{" "}
            <strong className="font-semibold text-zinc-900 dark:text-white">once</strong>: copy it straight into your
            secret store or environment. Afterwards the portal shows only its mask.
          </p>
          <CodeBlock code={exportKeySnippet(firstKey ? { name: firstKey.name, mask: firstKey.mask } : undefined)} lang="bash" title="Terminal" />
          <p>
            The examples read the key from <C>COPA_API_KEY</C>, so it never appears in your source code. With a{" "}
            <C>.env</C> file, keep that file out of version control.
          </p>
        </Step>

        <Step id="first-call" title="Make your first call">
          <p>
            List the first two cooperatives. The base URL of this portal&apos;s sandbox is <C>{base}</C>.
          </p>
          <CodeTabs title="List cooperatives" tabs={snippetTabs(listCooperativesSnippets(base))} />
          <p>A successful call answers <C>200</C> with one page of cooperatives (sample data):</p>
          <CodeBlock code={JSON.stringify(sampleCooperativeList(base), null, 2)} lang="json" title="GET /cooperatives?page_size=2 · 200" />
          <p>
            Every list endpoint is paginated the same way: <C>count</C> is the total, <C>results</C> this page, and{" "}
            <C>next</C> and <C>previous</C> link to the neighbouring pages (<C>null</C> at either end). Ask for a page
            with <C>page</C> (from 1) and <C>page_size</C> (default {PAGE_SIZE_DEFAULT}, at most {PAGE_SIZE_MAX}), or
            simply follow <C>next</C> until it is <C>null</C>. Lists also filter, for example <C>?province=Southern</C>;
            the <A href="/docs/reference">API reference</A> lists each endpoint&apos;s filters and schemas.
          </p>
        </Step>

        <Step id="one-cooperative" title="Fetch one cooperative and its members">
          <p>
            Take an id from the list and ask for that cooperative, then for its members: listing members needs{" "}
            <ScopeLink scope={requiredScope("GET", "/cooperatives/{id}/members") ?? ""} />.
          </p>
          <CodeTabs title="Get a cooperative and its members" tabs={snippetTabs(cooperativeMembersSnippets(base))} />
          <p>A cooperative looks like this (sample data):</p>
          <CodeBlock code={SAMPLE_COOPERATIVE_JSON} lang="json" title="GET /cooperatives/{id} · 200" />
          <p>
            Times are ISO 8601 in UTC, <C>member_count</C> counts active members, and <C>programme</C> is <C>null</C>{" "}
            when the cooperative belongs to none.
          </p>
        </Step>

        <Step id="errors" title="Handle errors">
          <p>
            Errors are JSON with one field, <C>detail</C>. The ones you will meet first while building:
          </p>
          <Table wide caption="First errors you may meet" head={["Status", "Body", "Usually means"]}>
            {[401, 403, 404, 429].map((status) => {
              const e = docsError(status);
              return (
                <tr key={status}>
                  <Td className="font-medium whitespace-nowrap text-zinc-900 dark:text-white">{status}</Td>
                  <Td>
                    <code className="font-mono text-xs break-words">{e.body}</code>
                  </Td>
                  <Td>{e.when}</Td>
                </tr>
              );
            })}
          </Table>
          <p>
            Causes and fixes for each are on <A href="/docs/errors">Errors</A>; limits and a backoff helper on{" "}
            <A href="/docs/rate-limits">Rate limits</A>.
          </p>
        </Step>

        <Step id="production" title="Go to production">
          <p>
            When your integration works against the sandbox, request a production key with the scopes it actually uses,
            and switch the base URL to <C>{PRODUCTION_BASE_URL}</C>. Sandbox and production keys are separate: neither
            works in the other environment. Loans and payments endpoints are announced for production but not live there
            yet.
          </p>
          <p>
            <A href={productionRequest}>Request a production key</A>
          </p>
        </Step>
      </Steps>
    </DocsPage>
  );
}

function listScopes(ids: readonly string[]) {
  return ids.map((id, i) => (
    <span key={id}>
      {i > 0 && (i === ids.length - 1 ? " and " : ", ")}
      <ScopeLink scope={id} />
    </span>
  ));
}

/** Tells a signed-in reader what is personalised, and lists their keys by mask. */
function ReaderPanel({ reader, base }: { reader: DocsReader; base: string }) {
  if (reader.kind !== "member") {
    return (
      <div className="mt-8">
        <Callout tone="note" title={reader.kind === "anonymous" ? "Personalised when you sign in" : "Set up your organisation first"}>
          <p>
            {reader.kind === "anonymous" ? (
              <>
                <A href="/sign-in?callbackUrl=/docs/quickstart">Sign in</A> and this page lists your sandbox keys by name
                and mask next to the examples.
              </>
            ) : (
              <>Keys belong to an organisation. Once yours exists, this page lists its sandbox keys next to the examples.</>
            )}
          </p>
        </Callout>
      </div>
    );
  }
  return (
    <section aria-labelledby="your-keys" className="mt-8 rounded-xl border border-brand-600/30 bg-brand-50/60 p-4 dark:border-brand-500/30 dark:bg-brand-900/20" data-testid="reader-keys">
      <h2 id="your-keys" className="text-sm font-semibold text-zinc-950 dark:text-white">
        Your sandbox keys · {reader.organizationName}
      </h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        The examples below call <C>{base}</C>. The portal shows keys only by mask; paste the full key you copied at reveal.
      </p>
      {reader.activeSandboxKeys.length > 0 ? (
        <ul className="mt-3 space-y-2">
          {reader.activeSandboxKeys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-white px-3 py-2 text-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
              <span className="font-medium text-zinc-900 dark:text-white">{k.name}</span>
              <code className="font-mono text-xs text-zinc-700 dark:text-zinc-300">{k.mask}</code>
              <span className="flex flex-wrap gap-2 text-xs">
                {k.scopes.map((s) => (
                  <ScopeLink key={s} scope={s} />
                ))}
              </span>
            </li>
          ))}
          {reader.activeSandboxKeyCount > reader.activeSandboxKeys.length && (
            <li className="text-sm text-zinc-700 dark:text-zinc-300">
              and {reader.activeSandboxKeyCount - reader.activeSandboxKeys.length} more on <A href="/keys">API keys</A>.
            </li>
          )}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {reader.unrevealedSandboxKeys > 0 ? (
            <>
              {reader.unrevealedSandboxKeys === 1 ? "A sandbox key is" : `${reader.unrevealedSandboxKeys} sandbox keys are`} approved
              and waiting to be revealed on <A href="/keys">API keys</A>.
            </>
          ) : (
            <>You have no active sandbox key yet: step 2 gets you one.</>
          )}
        </p>
      )}
    </section>
  );
}
