// What the docs say about each key type's policy, in the reader's language, derived from
// the policy itself (lib/keys/policy.ts KEY_POLICY) as describeKeyTypePolicy derives its
// English; key-types.test.ts checks the English here equals that function's, so the docs
// follow the policy when it changes.
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import type { KeyType } from "@/lib/keys/key-types";
import { KEY_POLICY, allowedScopes } from "@/lib/keys/policy";

/** "1 year", "90 days", in the reader's language. */
function lifetime(t: AnyTranslator, days: number): string {
  return days % 365 === 0 ? t("keyTypes.policy.years", { count: days / 365 }) : t("keyTypes.policy.days", { count: days });
}

/** A translator of the `docs` namespace, e.g. `await getTranslations("docs")`. */
export function keyTypePolicyText(translator: object, type: KeyType): string {
  // Typed translators check literal keys; these are chosen at run time.
  const t = translator as AnyTranslator;
  const rule = KEY_POLICY[type];
  const access: readonly string[] = rule.access;
  const parts: string[] = [];
  if (access.includes("receive")) parts.push(t("keyTypes.policy.holdsOnly", { scopes: allowedScopes(type).join(", ") }));
  else parts.push(access.includes("write") ? t("keyTypes.policy.readWrite") : t("keyTypes.policy.readOnly"));
  const { sandbox, production } = rule.maxLifetimeDays as { sandbox: number | null; production: number | null };
  if (sandbox === null && production !== null) parts.push(t("keyTypes.policy.productionExpires", { lifetime: lifetime(t, production) }));
  else if (sandbox !== null && sandbox === production) parts.push(t("keyTypes.policy.expires", { lifetime: lifetime(t, sandbox) }));
  else if (sandbox !== null && production !== null) parts.push(t("keyTypes.policy.expiresBoth", { sandbox: lifetime(t, sandbox), production: lifetime(t, production) }));
  if (rule.copaRunOnly) parts.push(t("keyTypes.policy.copaRunOnly"));
  return t("keyTypes.policy.sentence", { parts: parts.join("; ") });
}
