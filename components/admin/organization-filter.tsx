"use client";
// The organisation filter of the admin lists: a searchable combobox (WAI-ARIA APG
// "combobox with listbox popup") that asks the server for at most 20 matches as the admin
// types, instead of a menu carrying every organisation. The chosen id travels in a hidden
// input named like the old <select>, so the filter bar stays a plain GET form: without
// JavaScript the current filter is still submitted (and "Clear" removes it), only the
// search needs JavaScript.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { searchOrganizationsAction } from "@/lib/admin/actions";
import type { OrganizationOption } from "@/lib/admin/queries";

const CONTROL =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-500 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400";

const DEBOUNCE_MS = 200;

type Props = {
  name: string;
  label: string;
  /** The organisation the URL filters on, if any. */
  selected: Pick<OrganizationOption, "id" | "legalName"> | null;
  placeholder?: string;
};

export function OrganizationFilter({ name, label, selected, placeholder }: Props) {
  const t = useTranslations("admin.orgFilter");
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [value, setValue] = useState(selected?.id ?? "");
  const [text, setText] = useState(selected?.legalName ?? "");
  const [chosenName, setChosenName] = useState(selected?.legalName ?? "");
  const [options, setOptions] = useState<OrganizationOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function search(query: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      // Only the latest answer counts: typing fast must not show an older, slower result.
      const mine = ++seq.current;
      const result = await searchOrganizationsAction({ query });
      if (mine !== seq.current) return;
      if (!result.ok) {
        setError(result.error);
        setOptions([]);
        setStatus(result.error);
        return;
      }
      setError(null);
      setOptions(result.data);
      setActive(result.data.length ? 0 : -1);
      setOpen(true);
      setStatus(result.data.length === 0 ? t("noMatch") : t("shown", { count: result.data.length }));
    }, DEBOUNCE_MS);
  }

  function choose(option: OrganizationOption) {
    setValue(option.id);
    setText(option.legalName);
    setChosenName(option.legalName);
    setOpen(false);
    setActive(-1);
    setStatus(t("chosen", { name: option.legalName }));
  }

  function clear() {
    setValue("");
    setText("");
    setChosenName("");
    setOpen(false);
    setStatus(t("allChosen"));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) {
          search(text === chosenName ? "" : text);
          return;
        }
        setActive((i) => (options.length ? (i + 1) % options.length : -1));
        return;
      case "ArrowUp":
        event.preventDefault();
        if (open) setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
        return;
      case "Enter":
        // With the list open, Enter picks; closed, it submits the filter form as usual.
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        }
        return;
      case "Escape":
        // First Escape closes the list (keeping the typed text), a second one clears it.
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          clear();
        }
        return;
    }
  }

  const activeId = open && active >= 0 && options[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div className="relative block min-w-56 flex-1 text-sm sm:w-72 sm:flex-none">
      <label htmlFor={inputId} className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input type="hidden" name={name} value={value} />
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        className={CONTROL}
        placeholder={placeholder ?? t("all")}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          // Emptying the box means "all organisations" again.
          if (!next.trim()) {
            setValue("");
            setChosenName("");
          }
          search(next);
        }}
        onFocus={() => {
          if (!open && !options.length) search(text === chosenName ? "" : text);
        }}
        onBlur={() => {
          setOpen(false);
          // Leaving half-typed text would look like a filter that is not applied.
          if (text.trim() && text !== chosenName) setText(chosenName);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="sr-only">
        {t("hint")}
      </span>
      <ul
        id={listId}
        role="listbox"
        aria-label={t("listLabel")}
        hidden={!open || options.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input must not lose focus (and close the list) first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
            onMouseMove={() => setActive(i)}
            className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-600 text-white" : "text-zinc-900 dark:text-zinc-100"}`}
          >
            {o.legalName}
            {o.suspended && <span className={`ml-2 text-xs ${i === active ? "text-white" : "text-red-700 dark:text-red-300"}`}>{t("suspended")}</span>}
          </li>
        ))}
      </ul>
      {open && options.length === 0 && (
        <p className="absolute z-20 mt-1 w-full rounded-md border border-zinc-200 bg-white px-3 py-2 text-zinc-700 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          {error ?? t("noMatch")}
        </p>
      )}
      <span className="sr-only" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
