import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { keyDisplayStatus, type KeyStatusInput } from "./key-status";

export function KeyStatusBadge({ keyRow }: { keyRow: KeyStatusInput }) {
  const t = useTranslations() as unknown as AnyTranslator;
  const status = keyDisplayStatus(keyRow);
  return (
    <Badge tone={status.tone} title={t(status.explanation.key, status.explanation.values)}>
      {t(status.label.key, status.label.values)}
    </Badge>
  );
}
