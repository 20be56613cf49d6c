import type { Metadata } from "next";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { A, C, Callout, Table, Td } from "@/components/docs/prose";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { docsError } from "@/lib/docs/errors";
import { COPA_LIMITS, formatCount, sandboxDefaultLimits } from "@/lib/docs/limits";
import { okResponseHeadersSample, throttledResponseSample } from "@/lib/docs/samples";
import { backoffSnippets, curlGet } from "@/lib/docs/snippets";

export const metadata: Metadata = { title: "Rate limits" };

const TOC = [
  { id: "limits", title: "The limits" },
  { id: "headers", title: "Rate-limit headers" },
  { id: "throttled", title: "When you are throttled" },
  { id: "backoff", title: "Backing off in code" },
  { id: "staying-within", title: "Staying within the limits" },
];

export default async function RateLimitsPage() {
  const base = await sandboxBaseUrl();
  const sandbox = sandboxDefaultLimits();
  const differs = sandbox.hour !== COPA_LIMITS.hour || sandbox.day !== COPA_LIMITS.day;
  return (
    <DocsPage
      href="/docs/rate-limits"
      title="Rate limits"
      toc={TOC}
      lead={
        <p>
          Each key has its own request allowance per rolling hour and per rolling day. Every response tells you how much
          is left, and a throttled response tells you exactly how long to wait.
        </p>
      }
    >
      <Section id="limits" title="The limits">
        <Table caption="Requests allowed per key" head={["Window", "Requests per key"]}>
          <tr>
            <Td className="font-medium text-zinc-900 dark:text-white">Rolling hour</Td>
            <Td>{formatCount(COPA_LIMITS.hour)}</Td>
          </tr>
          <tr>
            <Td className="font-medium text-zinc-900 dark:text-white">Rolling day</Td>
            <Td>{formatCount(COPA_LIMITS.day)}</Td>
          </tr>
        </Table>
        <ul className="list-disc space-y-1.5 pl-5">
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Per key.</strong> Each key counts on its
            own: two keys of the same organisation have two allowances, and your key is never slowed by another
            partner&apos;s traffic.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Rolling.</strong> At any moment the API
            counts your requests of the last 60 minutes and the last 24 hours. There is no reset on the hour: capacity
            comes back gradually as old requests leave the window.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Both apply.</strong> A key can stay under
            {" "}{formatCount(COPA_LIMITS.hour)} an hour and still reach the daily {formatCount(COPA_LIMITS.day)}: ten busy hours do it.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Only admitted requests count.</strong> The
            limit is checked after authentication and the scope: requests refused with 401 or 403 never reach it, and a
            request refused with 429 is not counted either, so retrying while throttled does not push the wait further.
          </li>
        </ul>
        <p>
          COPA can set a different limit on a particular key, for example for a high-volume integration agreed with COPA.
          The <C>X-RateLimit-Limit</C> header always reports the limit that applies to the key you used.
        </p>
        {differs && (
          <Callout tone="note" title="This sandbox">
            <p>
              This portal&apos;s sandbox is configured with {formatCount(sandbox.hour)} requests per hour and{" "}
              {formatCount(sandbox.day)} per day per key by default.
            </p>
          </Callout>
        )}
      </Section>

      <Section id="headers" title="Rate-limit headers">
        <p>
          Every response to a valid key, successful or not, carries three headers. They describe the window you will run
          out of first: the rolling hour or the rolling day, whichever has fewer requests left.
        </p>
        <Table caption="Rate-limit response headers" head={["Header", "Meaning"]}>
          <tr>
            <Td className="whitespace-nowrap">
              <C>X-RateLimit-Limit</C>
            </Td>
            <Td>The number of requests the key may make in that window.</Td>
          </tr>
          <tr>
            <Td className="whitespace-nowrap">
              <C>X-RateLimit-Remaining</C>
            </Td>
            <Td>How many are left in it after this request.</Td>
          </tr>
          <tr>
            <Td className="whitespace-nowrap">
              <C>X-RateLimit-Reset</C>
            </Td>
            <Td>
              When the limit resets: the Unix time, in seconds, at which the window next frees capacity (its oldest
              counted requests leave it). On a 429, when the next request will fit.
            </Td>
          </tr>
        </Table>
        <p>
          A 401 response carries the default hourly policy with nothing used, the same for every rejected key: a
          key&apos;s own figures would tell a caller that the key it tried exists.
        </p>
        <p>Look at them with curl&apos;s <C>-i</C>, which prints the response headers:</p>
        <CodeBlock
          code={curlGet(base, "/cooperatives?page_size=1", { include: true })}
          lang="bash"
          title="Terminal"
        />
        <CodeBlock code={okResponseHeadersSample(COPA_LIMITS.hour)} lang="http" title="Response headers (example)" />
      </Section>

      <Section id="throttled" title="When you are throttled">
        <p>
          Over the limit, the API answers <strong className="font-semibold text-zinc-900 dark:text-white">429</strong>{" "}
          with a <C>Retry-After</C> header: the number of seconds to wait before the next request can succeed. The body
          says the same in words, <C>{docsError(429).body}</C>, with the actual number of seconds:
        </p>
        <CodeBlock code={throttledResponseSample(COPA_LIMITS.hour)} lang="http" title="A throttled response (example)" />
        <p>
          Requests sent before the wait is over are refused too. Wait for <C>Retry-After</C>, then continue.
        </p>
      </Section>

      <Section id="backoff" title="Backing off in code">
        <p>
          Wrap your calls in a helper that waits as long as <C>Retry-After</C> says on 429, backs off exponentially with
          jitter on server errors, and gives up after a few attempts. Other statuses are returned at once: retrying a 400,
          401, 403 or 404 unchanged cannot succeed.
        </p>
        <CodeTabs title="Retry with backoff" tabs={snippetTabs(backoffSnippets(base))} />
      </Section>

      <Section id="staying-within" title="Staying within the limits">
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Use large pages.</strong> Listing with a
            larger <C>page_size</C> fetches the same data in fewer requests.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Filter on the server.</strong> Ask for{" "}
            <C>?province=…</C> or <C>?activity=…</C> instead of fetching everything and filtering yourself.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Cache.</strong> Cooperative records change
            rarely: keep what you fetched and refresh it on a schedule.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Watch X-RateLimit-Remaining.</strong> Slow a
            batch job down when it runs low instead of running into 429s.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Spread scheduled jobs.</strong> Several
            processes sharing one key share its allowance; start them at different times.
          </li>
        </ul>
        <p>
          If your integration needs more than these limits allow, tell COPA in your <A href="/requests/new">access request</A>.
        </p>
      </Section>
    </DocsPage>
  );
}
