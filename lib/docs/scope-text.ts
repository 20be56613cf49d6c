// Wording the docs derive from catalogue fields (risk, access, key types), so the prose
// around a scope follows the catalogue when a scope's risk or key types change. The words
// themselves are messages (docs.scopeCard.riskReason.<reason>, scopes.risk.<risk>).
import type { Scope } from "@/lib/scopes/catalog";

export type RiskReason = "write" | "receive" | "readLow" | "readMedium" | "readHigh";

/** Which sentence explains a scope's risk (docs.scopeCard.riskReason.<reason>). */
export function riskReason(scope: Pick<Scope, "access" | "risk">): RiskReason {
  if (scope.access === "write") return "write";
  if (scope.access === "receive") return "receive";
  if (scope.risk === "low") return "readLow";
  if (scope.risk === "medium") return "readMedium";
  return "readHigh";
}

/** "a, b and c": `conjunction` is the reader's word for "and" (or "or"), e.g. t("and"). */
export function listText(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
