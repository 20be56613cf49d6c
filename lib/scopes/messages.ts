// The scope catalogue in the reader's language. lib/scopes stays the one source of the
// scopes (ids, endpoints, data, risk, key types) and of their English text, which the
// OpenAPI document quotes; the `scopes` namespace translates the human text, keyed by the
// scope id with its colon made an underscore (members:write -> members_write), since
// next-intl keys allow neither dots nor colons. messages.test.ts here checks that the
// English messages say what the catalogue says, so the two cannot drift.
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import type { Scope, ScopeId } from "./catalog";

type Underscored<S extends string> = S extends `${infer A}:${infer B}` ? `${A}_${B}` : S;
export type ScopeMessageKey = Underscored<ScopeId>;

export function scopeMessageKey<S extends string>(id: S): Underscored<S> {
  return id.replace(":", "_") as Underscored<S>;
}

/**
 * A scope's title and description through a translator of the `scopes` namespace, e.g.
 * `useTranslations("scopes")` or `await getTranslations("scopes")`. A client page that did
 * not send the namespace (ClientMessages) still shows the catalogue's English, never a key.
 */
export function scopeText(translator: object, scope: Pick<Scope, "id" | "title" | "description">): { title: string; description: string } {
  // Typed translators check literal keys; this one is built from a scope id at run time.
  const t = translator as AnyTranslator;
  const base = `catalog.${scopeMessageKey(scope.id)}`;
  if (!t.has(`${base}.title`)) return { title: scope.title, description: scope.description };
  return { title: t(`${base}.title`), description: t(`${base}.description`) };
}

/**
 * The message key of an endpoint's summary (scopes.endpoints.<key>): "GET /cooperatives/{id}"
 * -> "GET_cooperatives_id" (next-intl keys allow no dots, colons, slashes or braces). The
 * catalogue's English summary stays the OpenAPI document's.
 */
export function endpointMessageKey(key: string): string {
  return key.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+/g, "_").replace(/_+$/, "");
}
