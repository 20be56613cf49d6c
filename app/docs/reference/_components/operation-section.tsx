// One operation of the OpenAPI document: what it does, the scope it needs, its
// parameters, body and responses, and (for a signed-in partner) a Try it panel.
import { useTranslations } from "next-intl";
import { AnnouncedBadge, EndpointPath, MethodBadge } from "@/components/docs/endpoint-bits";
import { ScopeLink } from "@/components/scopes/scope-link";
import { constraints, exampleFor, refName, typeLabel, type JsonSchema, type SchemaComponents } from "@/lib/openapi/schema-tools";
import type { HttpMethod } from "@/lib/scopes/catalog";
import { endpointMessageKey } from "@/lib/scopes/messages";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { SchemaFields } from "./schema-fields";
import { TryIt, type TryItOperation } from "./try-it";

export type OperationView = {
  method: HttpMethod;
  path: string;
  /** The full URL path, e.g. /api/v1/cooperatives or /api/keys/verify. */
  fullPath: string;
  operationId: string;
  summary: string;
  description: string;
  scope?: string;
  production?: "live" | "announced";
  parameters: { name: string; in: "path" | "query"; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: JsonSchema;
  responses: { status: string; description: string; schema?: JsonSchema; examples?: Record<string, unknown>; headers: string[] }[];
};

export function OperationSection({
  operation,
  components,
  tryIt,
}: {
  operation: OperationView;
  components: SchemaComponents;
  /** Present when the viewer may try the operation. */
  tryIt?: TryItOperation;
}) {
  const t = useTranslations("docs.referencePage");
  const ts = useTranslations("scopes") as unknown as AnyTranslator;
  // The OpenAPI document stays English (the contract); a summary the scope catalogue also
  // gives is shown in the reader's language.
  const summaryKey = `endpoints.${endpointMessageKey(`${operation.method} ${operation.path}`)}`;
  const summary = ts.has(summaryKey) ? ts(summaryKey) : operation.summary;
  const headingId = operation.operationId;
  return (
    <section aria-labelledby={`${headingId}-title`} id={headingId} className="scroll-mt-6 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <h3 id={`${headingId}-title`} className="flex flex-wrap items-center gap-2 text-lg font-semibold text-zinc-950 dark:text-white">
        <MethodBadge method={operation.method} />
        <EndpointPath path={operation.fullPath} />
        {operation.production === "announced" && <AnnouncedBadge />}
      </h3>
      <p className="mt-1 font-medium text-zinc-800 dark:text-zinc-200">{summary}</p>
      {operation.scope ? (
        <p className="mt-2 text-sm">
          {t("requiresScope")} <ScopeLink scope={operation.scope} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-200" />
        </p>
      ) : (
        <p className="mt-2 text-sm">{t("gatewayCredential")}</p>
      )}
      <p className="mt-3 text-[15px] whitespace-pre-line">{operation.description.replace(/\n\nRequires the `[^`]+` scope\./, "")}</p>

      {operation.parameters.length > 0 && (
        <div className="mt-5">
          <h4 className="text-sm font-semibold text-zinc-900 dark:text-white">{t("parameters")}</h4>
          <div role="region" aria-label={t("parametersOf", { summary })} tabIndex={0} className="mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("parametersCaption", { endpoint: `${operation.method} ${operation.fullPath}` })}</caption>
              <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("name")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("in")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("type")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("description")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
                {operation.parameters.map((p) => {
                  const details = constraints(p.schema);
                  return (
                    <tr key={`${p.in}-${p.name}`}>
                      <th scope="row" className="px-3 py-2 font-mono text-xs font-medium whitespace-nowrap">
                        {p.name}
                        {p.required && <span className="ml-1.5 font-sans text-[11px] font-normal text-red-700 dark:text-red-400">{t("required")}</span>}
                      </th>
                      <td className="px-3 py-2 text-xs">{p.in}</td>
                      <td className="px-3 py-2 font-mono text-xs">{typeLabel(p.schema)}</td>
                      <td className="px-3 py-2 text-[13px]">
                        {p.description}
                        {details.length > 0 && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{details.join("; ")}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {operation.requestBody && (
        <div className="mt-5 space-y-2">
          <h4 className="text-sm font-semibold text-zinc-900 dark:text-white">
            {t("requestBody")}{" "}
            {operation.requestBody.$ref && (
              <a href={`#schema-${refName(operation.requestBody.$ref)}`} className="font-mono text-xs font-normal text-brand-700 underline dark:text-brand-100">
                {refName(operation.requestBody.$ref)}
              </a>
            )}
          </h4>
          <SchemaFields schema={operation.requestBody} components={components} caption={t("requestBodyOf", { summary })} />
        </div>
      )}

      <div className="mt-5">
        <h4 className="text-sm font-semibold text-zinc-900 dark:text-white">{t("responses")}</h4>
        <ul className="mt-2 space-y-2">
          {operation.responses.map((r) => (
            <li key={r.status} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
              <details>
                <summary className="cursor-pointer">
                  <span className={`font-mono font-semibold ${r.status.startsWith("2") ? "text-green-700 dark:text-green-400" : "text-amber-800 dark:text-amber-300"}`}>{r.status}</span>{" "}
                  {r.description}
                  {r.schema && <span className="ml-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">{typeLabel(r.schema)}</span>}
                </summary>
                <div className="mt-2 space-y-2">
                  {r.headers.length > 0 && (
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      {t("headers")} {r.headers.map((h) => <code key={h} className="mr-1.5 font-mono">{h}</code>)}
                    </p>
                  )}
                  {r.examples &&
                    Object.entries(r.examples).map(([name, value]) => (
                      <pre key={name} tabIndex={0} aria-label={t("exampleNamed", { name })} className="overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">
                        {JSON.stringify(value)}
                      </pre>
                    ))}
                  {r.schema && r.status.startsWith("2") && <ResponseExample schema={r.schema} components={components} />}
                </div>
              </details>
            </li>
          ))}
        </ul>
      </div>

      {tryIt && (
        <div className="mt-5">
          <TryIt operation={tryIt} />
        </div>
      )}
    </section>
  );
}

function ResponseExample({ schema, components }: { schema: JsonSchema; components: SchemaComponents }) {
  const t = useTranslations("docs.referencePage");
  return (
    <figure>
      <figcaption className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{t("example")}</figcaption>
      <pre tabIndex={0} aria-label={t("exampleResponse")} className="mt-1 max-h-80 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">{JSON.stringify(exampleFor(schema, components), null, 2)}</pre>
    </figure>
  );
}
