import { Badge } from "@/components/ui/badge";
import { keyDisplayStatus, type KeyStatusInput } from "./key-status";

export function KeyStatusBadge({ keyRow }: { keyRow: KeyStatusInput }) {
  const status = keyDisplayStatus(keyRow);
  return (
    <Badge tone={status.tone} title={status.explanation}>
      {status.label}
    </Badge>
  );
}
