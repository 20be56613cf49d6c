// A JSON Schema object as a table of its fields: name, type, required, constraints and
// meaning. Nested named schemas link to their own section (#schema-<Name>).
import { useTranslations } from "next-intl";
import { constraints, refName, resolve, splitNullable, typeLabel, type JsonSchema, type SchemaComponents } from "@/lib/openapi/schema-tools";

function TypeCell({ schema }: { schema: JsonSchema }) {
  const { schema: s } = splitNullable(schema);
  const target = s.$ref ?? (s.type === "array" ? s.items?.$ref : undefined);
  const label = typeLabel(schema);
  if (!target) return <span className="font-mono text-xs">{label}</span>;
  const name = refName(target);
  const [before, after] = label.split(name);
  return (
    <span className="font-mono text-xs">
      {before}
      <a href={`#schema-${name}`} className="text-brand-700 underline decoration-brand-600/40 underline-offset-2 dark:text-brand-100">
        {name}
      </a>
      {after}
    </span>
  );
}

export function SchemaFields({ schema, components, caption }: { schema: JsonSchema; components: SchemaComponents; caption: string }) {
  const t = useTranslations("docs.referencePage");
  const s = resolve(schema, components);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    return (
      <div className="space-y-3">
        <p className="text-sm">{t("oneOf", { count: branches.length })}</p>
        {branches.map((b, i) => (
          <SchemaFields key={i} schema={b} components={components} caption={t("shape", { caption, number: i + 1 })} />
        ))}
      </div>
    );
  }
  const required = new Set(s.required ?? []);
  const entries = Object.entries(s.properties ?? {});
  if (entries.length === 0) return <p className="font-mono text-xs">{typeLabel(s)}</p>;
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t("field")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("type")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("description")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
          {entries.map(([name, field]) => {
            const details = constraints(field);
            const description = field.description ?? splitNullable(field).schema.description;
            return (
              <tr key={name}>
                <th scope="row" className="px-3 py-2 font-mono text-xs font-medium whitespace-nowrap text-zinc-900 dark:text-zinc-100">
                  {name}
                  {required.has(name) ? (
                    <span className="ml-1.5 font-sans text-[11px] font-normal text-red-700 dark:text-red-400">{t("required")}</span>
                  ) : null}
                </th>
                <td className="px-3 py-2">
                  <TypeCell schema={field} />
                </td>
                <td className="px-3 py-2 text-[13px]">
                  {description}
                  {details.length > 0 && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{details.join("; ")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
