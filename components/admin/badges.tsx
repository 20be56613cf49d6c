// Status badges of the admin console. Labels are written for COPA staff (a partner sees
// "Ready to reveal"; an admin needs "Awaiting reveal"). Key state comes from the same
// keyState rule the API applies, so the console never disagrees with enforcement.
import { Badge } from "@/components/ui/badge";
import { ENVIRONMENTS, KEY_TYPES } from "@/lib/keys/key-types";
import { keyState } from "@/lib/keys/status";
import { ORGANIZATION_KINDS } from "@/lib/organizations/schemas";

const REQUEST_TONES = { pending: "amber", changes_requested: "blue", approved: "green", rejected: "red", withdrawn: "neutral" } as const;

export function RequestStatusBadge({ status }: { status: string }) {
  const tone = REQUEST_TONES[status as keyof typeof REQUEST_TONES] ?? "neutral";
  const label = status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ");
  return <Badge tone={tone}>{label}</Badge>;
}

const KEY_STATE = {
  pending: { label: "Awaiting reveal", tone: "blue", title: "Approved; the partner has not revealed the secret yet." },
  active: { label: "Active", tone: "green", title: "Accepted by the API." },
  expired: { label: "Expired", tone: "neutral", title: "Past its expiry (or its rotation grace); refused by the API." },
  revoked: { label: "Revoked", tone: "red", title: "Refused by the API since it was revoked." },
} as const;

export function KeyStateBadge({ keyRow, now = new Date() }: { keyRow: { status: string; expiresAt: Date | null; revokedAt?: Date | null }; now?: Date }) {
  const s = KEY_STATE[keyState(keyRow, now)];
  return (
    <span className="whitespace-nowrap">
      <Badge tone={s.tone} title={s.title}>
        {s.label}
      </Badge>
    </span>
  );
}

export function EnvironmentBadge({ environment }: { environment: string }) {
  const label = ENVIRONMENTS.find((e) => e.id === environment)?.label ?? environment;
  // Production is the one that touches real cooperative data: make it stand out.
  return <Badge tone={environment === "production" ? "red" : "blue"}>{label}</Badge>;
}

export function SuspendedBadge({ since }: { since: Date | null }) {
  if (!since) return null;
  return (
    <Badge tone="red" title={`Suspended since ${since.toISOString().slice(0, 10)}`}>
      Suspended
    </Badge>
  );
}

export function RoleBadge({ role }: { role: string }) {
  return role === "admin" ? <Badge tone="blue">Admin</Badge> : <Badge>Partner</Badge>;
}

export function keyTypeLabel(type: string): string {
  return KEY_TYPES.find((t) => t.id === type)?.label ?? type;
}

export function organizationKindLabel(kind: string): string {
  return ORGANIZATION_KINDS.find((k) => k.id === kind)?.label ?? kind;
}
