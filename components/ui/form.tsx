"use client";

// A <form> whose controls stay disabled until React has hydrated it. Before that moment a
// submit would be the browser's own (a GET that puts the fields, a password included,
// into the URL), and anything typed would be overwritten when the form library attaches.
// method="post" is the second safety net should the browser ever submit natively.
import { useSyncExternalStore, type FormHTMLAttributes } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

/** `className` styles the fieldset that holds the controls (so `space-y-*` works as on a form). */
export function Form({ children, className = "", ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const hydrated = useHydrated();
  return (
    <form method="post" noValidate {...props}>
      {/* min-w-0: a fieldset is min-content wide by default and would overflow on phones. */}
      <fieldset disabled={!hydrated} className={`min-w-0 ${className}`}>
        {children}
      </fieldset>
    </form>
  );
}
