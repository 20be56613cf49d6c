"use client";

// Approve or reject a pending request. Both forms validate with the same zod schemas the
// server actions parse again. If another admin (or another tab) decides first, the server
// refuses atomically and both forms lock with an explanation instead of an error page.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Environment, KeyType } from "@/lib/keys/key-types";
import type { EditableKeyPolicy } from "@/lib/keys/policy";
import { ApproveForm } from "./approve-form";
import { AskChangesForm } from "./ask-changes-form";
import { RejectForm } from "./reject-form";

type Props = {
  requestId: string;
  requested: string[];
  organizationSuspended: boolean;
  keyType: KeyType;
  environment: Environment;
  organizationCopaRun: boolean;
  keyPolicyWhy: string;
  policy: EditableKeyPolicy;
};

export function DecisionPanel({ requestId, requested, organizationSuspended, keyType, environment, organizationCopaRun, keyPolicyWhy, policy }: Props) {
  const t = useTranslations("admin.reviewForms");
  const router = useRouter();
  const [conflict, setConflict] = useState<string | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  // The admin clicked a button further down; bring the explanation to them.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  return (
    <div className="space-y-4">
      {conflict && (
        <div data-testid="decision-conflict" ref={conflictRef} tabIndex={-1} className="scroll-mt-4 outline-none">
          <Alert tone="warning" title={t("conflictTitle")}>
            <p>{conflict}</p>
            <Button size="sm" variant="secondary" className="mt-2" onClick={() => router.refresh()}>
              {t("conflictShow")}
            </Button>
          </Alert>
        </div>
      )}
      <ApproveForm
        requestId={requestId}
        requested={requested}
        locked={!!conflict}
        onConflict={setConflict}
        organizationSuspended={organizationSuspended}
        keyType={keyType}
        environment={environment}
        organizationCopaRun={organizationCopaRun}
        keyPolicyWhy={keyPolicyWhy}
        policy={policy}
      />
      <AskChangesForm requestId={requestId} locked={!!conflict} onConflict={setConflict} />
      <RejectForm requestId={requestId} locked={!!conflict} onConflict={setConflict} />
    </div>
  );
}
