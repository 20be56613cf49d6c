// Status badges of the admin console. Labels are written for COPA staff (a partner sees
// "Ready to reveal"; an admin needs "Awaiting reveal"). Key state comes from the same
// keyState rule the API applies, so the console never disagrees with enforcement.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { ENVIRONMENTS, KEY_TYPES } from "@/lib/keys/key-types";
import { keyState } from "@/lib/keys/status";
import { ORGANIZATION_KINDS } from "@/lib/organizations/schemas";

/** The reader's root translator, for labels looked up by a value from the database. */
export const adminTranslator = async () => (await getTranslations()) as unknown as AnyTranslator;

/** The message at `key` in the reader's language, or `fallback` for a value the catalogue does not know. */
export function labelOf(t: AnyTranslator, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

const REQUEST_TONES = { pending: "amber", changes_requested: "blue", approved: "green", rejected: "red", withdrawn: "neutral" } as const;

export async function RequestStatusBadge({ status }: { status: string }) {
  const t = await adminTranslator();
  const tone = REQUEST_TONES[status as keyof typeof REQUEST_TONES] ?? "neutral";
  const label = labelOf(t, `admin.requestStatus.${status}`, status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " "));
  return <Badge tone={tone}>{label}</Badge>;
}

const KEY_STATE_TONES = { pending: "blue", active: "green", expired: "neutral", revoked: "red" } as const;

export async function KeyStateBadge({ keyRow, now = new Date() }: { keyRow: { status: string; expiresAt: Date | null; revokedAt?: Date | null }; now?: Date }) {
  const t = await getTranslations("admin.keyState");
  const state = keyState(keyRow, now);
  return (
    <span className="whitespace-nowrap">
      <Badge tone={KEY_STATE_TONES[state]} title={t(`${state}.title`)}>
        {t(`${state}.label`)}
      </Badge>
    </span>
  );
}

export async function EnvironmentBadge({ environment }: { environment: string }) {
  const t = await adminTranslator();
  const label = labelOf(t, `admin.environments.${environment}`, ENVIRONMENTS.find((e) => e.id === environment)?.label ?? environment);
  // Production is the one that touches real cooperative data: make it stand out.
  return <Badge tone={environment === "production" ? "red" : "blue"}>{label}</Badge>;
}

export async function SuspendedBadge({ since }: { since: Date | null }) {
  if (!since) return null;
  const t = await getTranslations("admin.badges");
  return (
    <Badge tone="red" title={t("suspendedSince", { date: since.toISOString().slice(0, 10) })}>
      {t("suspended")}
    </Badge>
  );
}

export async function RoleBadge({ role }: { role: string }) {
  const t = await getTranslations("admin.badges");
  return role === "admin" ? <Badge tone="blue">{t("admin")}</Badge> : <Badge>{t("partner")}</Badge>;
}

/** The key type's name; in the reader's language when given their translator (adminTranslator()). */
export function keyTypeLabel(type: string, t?: AnyTranslator): string {
  const english = KEY_TYPES.find((k) => k.id === type)?.label ?? type;
  return t ? labelOf(t, `admin.keyTypes.${type}`, english) : english;
}

/** The organisation kind's name; in the reader's language when given their translator (adminTranslator()). */
export function organizationKindLabel(kind: string, t?: AnyTranslator): string {
  const english = ORGANIZATION_KINDS.find((k) => k.id === kind)?.label ?? kind;
  return t ? labelOf(t, `admin.organizationKinds.${kind}`, english) : english;
}

/** A member's role in their organisation (owner, developer, viewer), in the reader's language. */
export function memberRoleLabel(role: string, t: AnyTranslator): string {
  return labelOf(t, `ui.roles.${role}`, role);
}
