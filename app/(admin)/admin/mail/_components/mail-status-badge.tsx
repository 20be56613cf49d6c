import { Badge } from "@/components/ui/badge";

const TONE = { pending: "amber", sending: "blue", sent: "green", failed: "red", stored: "neutral" } as const;

export function MailStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status as keyof typeof TONE] ?? "neutral"}>{status}</Badge>;
}
