import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

// The label of each is requests.status.<status>.
const STATUS = {
  pending: { tone: "amber" },
  changes_requested: { tone: "blue" },
  approved: { tone: "green" },
  rejected: { tone: "red" },
  withdrawn: { tone: "neutral" },
} as const;

export type RequestStatus = keyof typeof STATUS;

export function RequestStatusBadge({ status }: { status: string }) {
  const t = useTranslations("requests.status");
  const known = STATUS[status as RequestStatus];
  return <Badge tone={known?.tone ?? "neutral"}>{known ? t(status as RequestStatus) : status}</Badge>;
}
