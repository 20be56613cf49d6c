import { Badge } from "@/components/ui/badge";

const STATUS = {
  pending: { label: "Pending review", tone: "amber" },
  changes_requested: { label: "Changes requested", tone: "blue" },
  approved: { label: "Approved", tone: "green" },
  rejected: { label: "Rejected", tone: "red" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
} as const;

export type RequestStatus = keyof typeof STATUS;

export function RequestStatusBadge({ status }: { status: string }) {
  const known = STATUS[status as RequestStatus] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={known.tone}>{known.label}</Badge>;
}
