import { adminTranslator, labelOf } from "@/components/admin/badges";
import { Badge } from "@/components/ui/badge";

const TONE = { pending: "amber", sending: "blue", sent: "green", failed: "red", stored: "neutral" } as const;

export async function MailStatusBadge({ status }: { status: string }) {
  const t = await adminTranslator();
  return <Badge tone={TONE[status as keyof typeof TONE] ?? "neutral"}>{labelOf(t, `admin.mailStatus.${status}`, status)}</Badge>;
}
