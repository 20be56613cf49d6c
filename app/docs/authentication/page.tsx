import type { Metadata } from "next";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage, Section, SubSection } from "@/components/docs/docs-page";
import { A, C, Callout, Table, Td } from "@/components/docs/prose";
import { ScopeLink } from "@/components/scopes/scope-link";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { docsError } from "@/lib/docs/errors";
import { EXAMPLE_KEY_MASK, EXAMPLE_KEY_SHAPE } from "@/lib/docs/samples";
import { listCooperativesSnippets } from "@/lib/docs/snippets";
import { ENVIRONMENTS, KEY_TYPES } from "@/lib/keys/key-types";
import { allowedScopes, describeKeyTypePolicy } from "@/lib/keys/policy";
import { ROTATION_GRACE } from "@/lib/keys/status";

export const metadata: Metadata = { title: "Authentication" };

const TOC = [
  { id: "api-keys", title: "API keys" },
  { id: "key-types", title: "Key types" },
  { id: "sending-the-key", title: "Sending your key" },
  { id: "failures", title: "When authentication fails" },
  { id: "keeping-keys-safe", title: "Keeping keys safe" },
  { id: "rotation", title: "Rotating a key" },
  { id: "revocation", title: "Revoking a key" },
];

// Why each grace period exists: the choice should follow how the key is deployed.
const GRACE_ADVICE: Record<(typeof ROTATION_GRACE)[number]["id"], string> = {
  now: "The key leaked or may have: stop it at once, accept a short outage while you deploy the new one.",
  "1h": "One service you can redeploy right away.",
  "24h": "Several services or a deployment that needs a review.",
  "7d": "Keys held by partners or devices you do not deploy yourself.",
};

export default async function AuthenticationPage() {
  const base = await sandboxBaseUrl();
  const unauthorized = docsError(401);
  const forbidden = docsError(403);
  return (
    <DocsPage
      href="/docs/authentication"
      title="Authentication"
      toc={TOC}
      lead={
        <p>
          Every request to the COPA API carries an API key. The key says which organisation is calling, in which
          environment, and with which scopes. Keys are issued through this portal and shown to you exactly once.
        </p>
      }
    >
      <Section id="api-keys" title="API keys">
        <p>A COPA key has three parts:</p>
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white px-4 py-4 font-mono text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <span className="text-zinc-500 dark:text-zinc-400">sk_copa_</span>
          <span className="font-semibold text-brand-700 dark:text-brand-100">{"{type}"}</span>
          <span className="text-zinc-500 dark:text-zinc-400">_</span>
          <span className="text-sky-800 dark:text-sky-200">{"{32 characters}"}</span>
        </div>
        <ul className="list-disc space-y-1.5 pl-5">
          <li>
            <C>sk_copa_</C> marks a COPA secret key, so secret scanners and you can recognise one.
          </li>
          <li>
            <C>{"{type}"}</C> is the key type: {KEY_TYPES.map((t, i) => (
              <span key={t.id}>
                {i > 0 && (i === KEY_TYPES.length - 1 ? " or " : ", ")}
                <C>{t.id}</C>
              </span>
            ))}
            .
          </li>
          <li>32 random lower-case letters and digits: the secret part.</li>
        </ul>
        <p>
          For example <C>{EXAMPLE_KEY_SHAPE}</C> has the right shape (it is not a real
          key). After you have revealed a key, the portal shows only a mask of it, such as{" "}
          <C>{EXAMPLE_KEY_MASK}</C>: COPA stores a one-way hash of the key, never the key itself, and cannot show
          it again. A lost key is replaced by <a href="#rotation" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">rotating</a> it.
        </p>
        <p>
          A key belongs to one environment, {ENVIRONMENTS.map((e) => e.label.toLowerCase()).join(" or ")}, chosen in your
          request. A sandbox key works only against this portal&apos;s sandbox at <C>{base}</C>, and a production key
          sent to the sandbox is refused with 401. See <A href="/docs#environments">Environments</A> for every base URL.
        </p>
      </Section>

      <Section id="key-types" title="Key types">
        <p>
          Choose the type by what will hold the key. It decides which scopes the key may hold and how long it may live:
          COPA&apos;s key policy refuses a request or a grant outside it.
        </p>
        <Table wide caption="Key types, the scopes they may hold and their lifetime" head={["Type", "Meant for", "Allowed scopes"]}>
          {KEY_TYPES.map((t) => (
            <tr key={t.id}>
              <Td className="whitespace-nowrap">
                <C>{t.id}</C>
              </Td>
              <Td>
                {t.description}
                <span className="mt-1 block text-zinc-600 dark:text-zinc-400">{describeKeyTypePolicy(t.id)}</span>
              </Td>
              <Td>
                <span className="flex flex-wrap gap-x-2 gap-y-1">
                  {allowedScopes(t.id).map((id) => (
                    <ScopeLink key={id} scope={id} />
                  ))}
                </span>
              </Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="sending-the-key" title="Sending your key">
        <p>The API accepts the key in either of two headers. Send one of them with every request.</p>
        <SubSection title={<>Authorization: Bearer (recommended)</>}>
          <p>
            The standard HTTP authentication header, understood by every HTTP client, proxy and logging filter that
            redacts credentials.
          </p>
          <CodeTabs title="Authenticate with the Authorization header" tabs={snippetTabs(listCooperativesSnippets(base, "bearer"))} />
        </SubSection>
        <SubSection title="X-API-Key">
          <p>For clients that cannot set the Authorization header, for example because a proxy in front of them uses it.</p>
          <CodeTabs title="Authenticate with the X-API-Key header" tabs={snippetTabs(listCooperativesSnippets(base, "x-api-key"))} />
        </SubSection>
        <Callout tone="warning" title="Never put a key in a URL">
          <p>
            Only these two headers are read. A key in a query string is ignored, and it would end up in server logs,
            browser history and analytics.
          </p>
        </Callout>
      </Section>

      <Section id="failures" title="When authentication fails">
        <p>
          Authentication is checked first, before the scope and the rate limit. If it fails, the response is{" "}
          <strong className="font-semibold text-zinc-900 dark:text-white">401</strong> with this body:
        </p>
        <CodeBlock code={unauthorized.body} lang="json" title="401 Unauthorized" />
        <p>
          The body is byte-for-byte the same for every cause, so a caller cannot learn whether a key exists, was revoked
          or has expired. Your keys page tells you which it is. The causes:
        </p>
        <ul className="list-disc space-y-1.5 pl-5">
          {unauthorized.causes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          A valid key that lacks the scope of the endpoint it calls gets{" "}
          <strong className="font-semibold text-zinc-900 dark:text-white">403</strong>:
        </p>
        <CodeBlock code={forbidden.body} lang="json" title="403 Forbidden" />
        <p>
          Compare the endpoint&apos;s scope on the <A href="/docs/scopes">Scopes</A> page with the scopes shown on your
          key. A key&apos;s scopes are set when it is approved; to get another scope, request a key that includes it.
          Every status is described on the <A href="/docs/errors">Errors</A> page.
        </p>
      </Section>

      <Section id="keeping-keys-safe" title="Keeping keys safe">
        <p>A key gives whoever holds it your organisation&apos;s access. Treat it like a password:</p>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Keep it on your servers.</strong> Never put
            a key in client-side code: not in a web page, a browser extension or a mobile app binary, where anyone can
            extract it. A mobile app calls your back end, and your back end calls COPA.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Keep it out of source code.</strong> Load it
            from an environment variable or a secret manager (the examples read <C>COPA_API_KEY</C>). Never commit it to
            a repository, public or private; add your <C>.env</C> file to <C>.gitignore</C>.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Rotate regularly</strong>, and at once when
            someone who had access leaves or a key may have leaked.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Ask for the fewest scopes.</strong> One key
            per integration, each with only the scopes it needs, limits what a leaked key can do. The{" "}
            <A href="/docs/scopes#picker">scope picker</A> finds the smallest set.
          </li>
        </ul>
      </Section>

      <Section id="rotation" title="Rotating a key">
        <p>
          Rotation replaces a key with a new one of the same organisation, type, environment, scopes and expiry, without
          a new review. Owners and developers of your organisation can rotate; viewers can see keys but change nothing.
        </p>
        <ol className="list-decimal space-y-1.5 pl-5">
          <li>
            Open <A href="/keys">API keys</A> and choose <strong className="font-semibold text-zinc-900 dark:text-white">Rotate</strong> on the key.
          </li>
          <li>Choose how long the old key keeps working (the grace period).</li>
          <li>Copy the new key: it is shown once, on that screen only.</li>
          <li>Deploy the new key everywhere the old one is used. During the grace period both keys work.</li>
          <li>When the grace period ends, the old key is refused with 401.</li>
        </ol>
        <Table wide caption="Grace periods for the old key" head={["Option", "The old key stops", "Choose it when"]}>
          {ROTATION_GRACE.map((g) => (
            <tr key={g.id}>
              <Td className="font-medium whitespace-nowrap text-zinc-900 dark:text-white">{g.label}</Td>
              <Td className="whitespace-nowrap">{g.ms === 0 ? "At once" : `${g.label} after rotation`}</Td>
              <Td>{GRACE_ADVICE[g.id]}</Td>
            </tr>
          ))}
        </Table>
        <p>
          The grace period never extends a key beyond its own expiry. A key is rotated once; to rotate again, rotate its
          replacement.
        </p>
      </Section>

      <Section id="revocation" title="Revoking a key">
        <p>
          Revoking stops a key for good. On <A href="/keys">API keys</A>, choose{" "}
          <strong className="font-semibold text-zinc-900 dark:text-white">Revoke</strong> and type the key&apos;s name to
          confirm. It takes effect on the very next request, which gets 401 <C>{unauthorized.body}</C>. A revoked key
          cannot be restored: if you still need access, rotate instead, or request a new key. COPA administrators can
          also revoke a key, for example when it is found in a public repository.
        </p>
        <p>
          Keys can also have an expiry date, set when the request is approved and shown on your keys page. After it the
          key is refused with the same 401.
        </p>
      </Section>
    </DocsPage>
  );
}
