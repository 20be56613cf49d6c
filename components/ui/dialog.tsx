"use client";

// A modal dialog on the native <dialog> element: the browser provides the focus trap,
// the inert background and Escape handling. Content renders only while open, so whatever
// a dialog showed (a one-time secret, say) leaves the DOM when it closes.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

export type DialogProps = {
  open: boolean;
  /** Called on Escape, a backdrop click or the close button, unless `dismissible` is false. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /**
   * False for dialogs that must end with an explicit choice (the one-time key panel):
   * Escape and backdrop clicks then do nothing.
   */
  dismissible?: boolean;
  tone?: "default" | "danger";
  /** A wider panel, e.g. to show a full API key on one line. */
  wide?: boolean;
};

export function Dialog({ open, onClose, title, description, children, dismissible = true, tone = "default", wide = false }: DialogProps) {
  const t = useTranslations("ui.dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: keep the element in sync with React state instead of letting the
        // browser close it behind our back.
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClick={(event) => {
        if (dismissible && event.target === event.currentTarget) onClose();
      }}
      // text-left: the dialog inherits text styles from wherever it is rendered in the tree.
      className={`m-auto w-[calc(100%-2rem)] ${wide ? "max-w-xl" : "max-w-lg"} rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl text-left backdrop:bg-zinc-950/60 backdrop:backdrop-blur-[2px] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      {open && (
        <div className="p-5 sm:p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className={`text-lg font-semibold ${tone === "danger" ? "text-red-700 dark:text-red-400" : ""}`}>
              {title}
            </h2>
            {dismissible && (
              <button
                type="button"
                onClick={onClose}
                className="-m-1 rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:text-zinc-400 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
              >
                <span aria-hidden>✕</span>
                <span className="sr-only">{t("close")}</span>
              </button>
            )}
          </div>
          {description && (
            <div id={descriptionId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {description}
            </div>
          )}
          <div className="mt-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}
