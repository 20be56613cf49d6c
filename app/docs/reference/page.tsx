import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { A, C, Callout } from "@/components/docs/prose";
import { link } from "@/components/docs/rich";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getOpenApiDocument } from "@/lib/api/app";
import { OPENAPI_PATH, type OpenApiDocument } from "@/lib/api/openapi";
import { exampleBody, type JsonSchema, type SchemaComponents } from "@/lib/openapi/schema-tools";
import { PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";
import type { HttpMethod } from "@/lib/scopes/catalog";
import { OperationSection, type OperationView } from "./_components/operation-section";
import { SchemaFields } from "./_components/schema-fields";
import { TryItKey, TryItProvider, type TryItOperation } from "./_components/try-it";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("reference.label") };
}

type RawOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  "x-copa-scope"?: string;
  "x-copa-production"?: "live" | "announced";
  parameters?: { name: string; in: "path" | "query"; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { $ref?: string; description?: string; headers?: Record<string, unknown>; content?: { "application/json": { schema: JsonSchema; examples?: Record<string, { value: unknown }> } } }>;
};

type RawResponse = RawOperation["responses"][string];

const METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function operationsOf(doc: OpenApiDocument): (OperationView & { tag: string })[] {
  const responses = doc.components?.responses as unknown as Record<string, RawResponse>;
  const out: (OperationView & { tag: string })[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}) as [string, Record<string, unknown>][]) {
    const pathBase = (item.servers as { url: string }[] | undefined)?.[0]?.url;
    for (const method of METHODS) {
      const op = item[method.toLowerCase()] as RawOperation | undefined;
      if (!op) continue;
      const base = (op as { servers?: { url: string }[] }).servers?.[0]?.url ?? pathBase ?? doc.servers?.[0]?.url ?? "/api/v1";
      out.push({
        tag: op.tags[0],
        method,
        path,
        fullPath: `${base}${path}`,
        operationId: op.operationId,
        summary: op.summary,
        description: op.description,
        scope: op["x-copa-scope"],
        production: op["x-copa-production"],
        parameters: op.parameters ?? [],
        requestBody: op.requestBody?.content["application/json"].schema,
        responses: Object.entries(op.responses).map(([status, raw]) => {
          const named = raw.$ref ? responses[raw.$ref.replace("#/components/responses/", "")] : undefined;
          const response = { ...named, ...raw };
          const content = response.content?.["application/json"];
          return {
            status,
            description: response.description ?? "",
            schema: content?.schema,
            examples: content?.examples ? Object.fromEntries(Object.entries(content.examples).map(([k, v]) => [k, v.value])) : undefined,
            headers: Object.keys(response.headers ?? {}),
          };
        }),
      });
    }
  }
  return out;
}

/** Real sandbox ids to start the Try it forms with, so a first click gets a 200 rather than a 404. */
async function sampleIds() {
  const [cooperative, member, loan] = await Promise.all([
    db.cooperative.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } }),
    db.member.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, cooperativeId: true } }),
    db.loan.findFirst({ where: { memberId: { not: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, cooperativeId: true, memberId: true } }),
  ]);
  return { cooperative: cooperative?.id, member, loan };
}

function tryItFor(op: OperationView, components: SchemaComponents, ids: Awaited<ReturnType<typeof sampleIds>>): TryItOperation | undefined {
  if (!op.scope) return undefined;
  const idFor = op.path.startsWith("/members/") ? ids.member?.id : ids.cooperative;
  let body: string | undefined;
  if (op.requestBody) {
    const example = exampleBody(op.requestBody, components);
    // Point references at rows that exist and belong together.
    const coop = op.path === "/payments" || op.path === "/loans" ? ids.loan?.cooperativeId : ids.member?.cooperativeId ?? ids.cooperative;
    if ("cooperative_id" in example && coop) example.cooperative_id = coop;
    if ("member_id" in example) example.member_id = op.path === "/loans" || op.path === "/payments" ? ids.loan?.memberId ?? null : ids.member?.id;
    if ("loan_id" in example) example.loan_id = ids.loan?.id ?? null;
    body = JSON.stringify(example, null, 2);
  }
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    parameters: op.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      enum: p.schema.enum?.map(String),
      placeholder: p.schema.default !== undefined ? String(p.schema.default) : p.schema.format === "uuid" ? "UUID" : undefined,
      initial: p.in === "path" && p.name === "id" ? idFor : undefined,
    })),
    body,
  };
}

const TAGS = ["Cooperatives", "Members", "Loans", "Payments", "Gateway"] as const;
/** Each OpenAPI tag's name in the reader's language (docs.referencePage.tags.<slug>); the document itself stays English. */
type TagSlug = "cooperatives" | "members" | "loans" | "payments" | "gateway";
const slug = (tag: string) => tag.toLowerCase();

export default async function ReferencePage() {
  const [t, doc] = await Promise.all([getTranslations("docs"), getOpenApiDocument()]);
  const tagTitle = (tag: (typeof TAGS)[number]) => t(`referencePage.tags.${slug(tag) as TagSlug}`);
  const components = doc.components?.schemas as SchemaComponents;
  const operations = operationsOf(doc);
  const user = await getCurrentUser().catch(() => null);
  // Try it is for partners: a signed-in member of an organisation, who can hold sandbox keys.
  const canTry = Boolean(user?.membership);
  const ids = canTry ? await sampleIds() : null;
  const schemaNames = Object.keys(components).sort();

  const toc = [
    { id: "basics", title: t("referencePage.basics") },
    ...TAGS.map((tag) => ({ id: slug(tag), title: tagTitle(tag) })),
    { id: "schemas", title: t("referencePage.schemas") },
  ];

  const body = (
    <>
      <Section id="basics" title={t("referencePage.basics")}>
        <p>
          {t.rich("referencePage.baseUrl", {
            sandbox: () => <C>/api/v1</C>,
            production: () => <C>https://api.copa.rw/api/v1</C>,
            bearer: () => <C>Authorization: Bearer &lt;key&gt;</C>,
            apiKey: () => <C>X-API-Key: &lt;key&gt;</C>,
            shape: () => <C>{'{"detail": "..."}'}</C>,
            errors: link("/docs/errors"),
            rateLimits: link("/docs/rate-limits"),
          })}
        </p>
        <p>
          {t.rich("referencePage.lists", {
            envelope: () => <C>{'{"count", "next", "previous", "results"}'}</C>,
            page: () => <C>page</C>,
            pageSize: () => <C>page_size</C>,
            max: PAGE_SIZE_MAX,
            document: () => <A href={OPENAPI_PATH}>{OPENAPI_PATH}</A>,
          })}
        </p>
        <Callout tone="note" title={t("referencePage.fictionalTitle")}>
          <p>{t.rich("referencePage.fictionalText", { code: () => <C>SBX</C> })}</p>
        </Callout>
        {canTry ? (
          <TryItKey />
        ) : (
          <Callout tone="tip" title={t("referencePage.tryTitle")}>
            <p>{t.rich("referencePage.tryText", { signIn: link("/sign-in?callbackUrl=/docs/reference") })}</p>
          </Callout>
        )}
      </Section>

      {TAGS.map((tag) => {
        const ops = operations.filter((o) => o.tag === tag);
        const description = (doc.tags as { name: string; description: string }[]).find((t) => t.name === tag)?.description;
        return (
          <Section key={tag} id={slug(tag)} title={tagTitle(tag)}>
            {description && <p>{description}</p>}
            <div className="space-y-10">
              {ops.map((op) => (
                <OperationSection key={op.operationId} operation={op} components={components} tryIt={canTry && ids ? tryItFor(op, components, ids) : undefined} />
              ))}
            </div>
          </Section>
        );
      })}

      <Section id="schemas" title={t("referencePage.schemas")}>
        <div className="space-y-8">
          {schemaNames.map((name) => (
            <div key={name} id={`schema-${name}`} className="scroll-mt-6 space-y-2">
              <h3 className="font-mono text-base font-semibold text-zinc-950 dark:text-white">{name}</h3>
              {components[name].description && <p className="text-sm">{components[name].description}</p>}
              <SchemaFields schema={components[name]} components={components} caption={t("referencePage.schemaCaption", { name })} />
            </div>
          ))}
        </div>
      </Section>
    </>
  );

  return (
    <DocsPage
      href="/docs/reference"
      title={t("nav.pages.reference.label")}
      toc={toc}
      lead={<p>{t("referencePage.lead")}</p>}
    >
      {canTry ? (
        // The Try-it words (tryIt), with the scopes the docs layout gives its pages.
        <ClientMessages namespaces={["scopes", "tryIt"]}>
          <TryItProvider>{body}</TryItProvider>
        </ClientMessages>
      ) : (
        body
      )}
    </DocsPage>
  );
}
