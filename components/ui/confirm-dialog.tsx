"use client";

// A yes/no question in a modal dialog: the question, the error of a failed attempt, and
// two buttons (the safe choice first on phones, last on wider screens). The caller owns
// what confirming does; closing is refused while it runs.
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  error: string | null;
  pending: boolean;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
};

export function ConfirmDialog({ open, onClose, title, description, error, pending, cancelLabel, confirmLabel, onConfirm }: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={() => !pending && onClose()} tone="danger" title={title} description={description}>
      {error && (
        <div className="mb-4">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" disabled={pending} onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button variant="danger" pending={pending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
