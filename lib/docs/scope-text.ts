// Wording the docs derive from catalogue fields (risk, access, key types), so the prose
// around a scope follows the catalogue when a scope's risk or key types change.
import { KEY_TYPES } from "@/lib/keys/key-types";
import type { Scope, ScopeRisk } from "@/lib/scopes/catalog";

export const RISK_LABELS: Record<ScopeRisk, string> = { low: "Low risk", medium: "Medium risk", high: "High risk" };

/** Why a scope carries its risk, in one sentence. */
export function riskReason(scope: Pick<Scope, "access" | "risk">): string {
  if (scope.access === "write") return "Changes COPA's records: a leaked key could create or alter data in the registry.";
  if (scope.access === "receive") return "Event deliveries reveal which records change and when.";
  if (scope.risk === "low") return "Read-only, and no personal data.";
  if (scope.risk === "medium") return "Read-only, but includes personal or financial data of cooperative members.";
  return "Read-only, but exposes financial transactions.";
}

export function keyTypeLabels(types: readonly string[]): string[] {
  return KEY_TYPES.filter((t) => types.includes(t.id)).map((t) => t.label);
}

/** "a, b and c" (or "a, b or c") */
export function listText(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
