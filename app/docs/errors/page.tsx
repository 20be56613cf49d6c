import type { Metadata } from "next";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage, Section, SubSection } from "@/components/docs/docs-page";
import { A, C, Table, Td } from "@/components/docs/prose";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { DOCS_ERRORS, ERROR_SHAPE, type DocsError } from "@/lib/docs/errors";
import { errorHandlingSnippets } from "@/lib/docs/snippets";

export const metadata: Metadata = { title: "Errors" };

const RETRY_TEXT: Record<DocsError["retry"], string> = {
  never: "No: the same request gets the same answer.",
  "after-fix": "Only after you change the request or the key.",
  later: "Yes, after a wait.",
};

const anchor = (status: number) => `status-${status}`;

export default async function ErrorsPage() {
  const base = await sandboxBaseUrl();
  const toc = [
    { id: "shape", title: "The error shape" },
    { id: "order", title: "Which error comes first" },
    ...DOCS_ERRORS.map((e) => ({ id: anchor(e.status), title: `${e.status} ${e.name}` })),
    { id: "handling", title: "Handling errors in code" },
  ];
  return (
    <DocsPage
      href="/docs/errors"
      title="Errors"
      toc={toc}
      lead={
        <p>
          The COPA API answers every failure with a standard HTTP status and a JSON body of one shape. This page lists
          every status, its exact body, what causes it and how to fix it.
        </p>
      }
    >
      <Section id="shape" title="The error shape">
        <p>
          Every error response has the content type <C>application/json</C> and a body with a single field:
        </p>
        <CodeBlock code={ERROR_SHAPE} lang="json" title="Error body" />
        <p>
          Branch on the HTTP status code, not on the text of <C>detail</C>: the text is for people reading logs.
        </p>
        <Table wide caption="Every error status" head={["Status", "Body", "Retry?"]}>
          {DOCS_ERRORS.map((e) => (
            <tr key={e.status}>
              <Td className="whitespace-nowrap">
                <a href={`#${anchor(e.status)}`} className="font-medium text-brand-700 underline decoration-brand-600/40 underline-offset-2 dark:text-brand-100">
                  {e.status} {e.name}
                </a>
              </Td>
              <Td>
                <code className="font-mono text-xs break-words">{e.bodyIsExample ? `{"detail": "..."}` : e.body}</code>
              </Td>
              <Td>{RETRY_TEXT[e.retry]}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="order" title="Which error comes first">
        <p>
          The API checks a request in a fixed order and answers with the first check that fails: authentication (401),
          then the scope (403), then the rate limit (429), and only then runs the endpoint (400, 404 or success). A
          request with a bad key and a bad parameter gets 401, not 400. <A href="/docs/scopes#checks">How a request is checked</A>{" "}
          shows the steps.
        </p>
      </Section>

      {DOCS_ERRORS.map((e) => (
        <Section key={e.status} id={anchor(e.status)} title={`${e.status} ${e.name}`}>
          <p>{e.when}</p>
          <CodeBlock code={e.body} lang="json" title={e.bodyIsExample ? `${e.status} body (example)` : `${e.status} body`} />
          {e.bodyIsExample && (
            <p>
              {e.status === 400
                ? "The detail varies: it names each parameter or field at fault and what is wrong with it. The example above is one such message."
                : "The detail names the method you used."}
            </p>
          )}
          {e.otherBodies?.map((o) => (
            <div key={o.body}>
              <p>{o.when} The same status then carries:</p>
              <CodeBlock code={o.body} lang="json" title={`${e.status} body`} />
            </div>
          ))}
          {e.status === 429 && (
            <p>
              N is the number of seconds until the key can make requests again; the response also carries it in a{" "}
              <C>Retry-After</C> header. See{" "}
              <A href="/docs/rate-limits">Rate limits</A>.
            </p>
          )}
          <div className="grid gap-x-8 md:grid-cols-2">
            <SubSection title="Causes">
              <ul className="list-disc space-y-1.5 pl-5">
                {e.causes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </SubSection>
            <SubSection title="Fix">
              <ul className="list-disc space-y-1.5 pl-5">
                {e.fix.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </SubSection>
          </div>
        </Section>
      ))}

      <Section id="handling" title="Handling errors in code">
        <p>
          Decide per status: a 404 for one resource is an answer, 401 and 403 need a person to fix the key or its scopes,
          400 needs a code fix, and 429 and 500 are temporary.
        </p>
        <CodeTabs title="Handle errors by status" tabs={snippetTabs(errorHandlingSnippets(base))} />
      </Section>
    </DocsPage>
  );
}
