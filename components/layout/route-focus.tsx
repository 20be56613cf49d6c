"use client";

// Two focus guarantees for keyboard and screen-reader users, for every page:
// 1. After a client-side navigation the browser leaves focus on the link that was clicked
//    (or on <body> when it left the DOM), and a screen reader says nothing of the new page.
//    Move focus to the new page's heading, as a full page load would start at the top.
//    Only on a new path: filters and paging (query string) keep focus where the user is.
// 2. When the focused control disappears (an Approve button replaced by the decision, a
//    Withdraw button by the new status), the browser drops focus to <body> and the next
//    Tab starts over from the top. Put it on the nearest surviving place instead: the first
//    control or heading of the closest ancestor still on the page, else the page's heading.
//    Components that know better move focus themselves (components/ui/focus.ts).
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusTarget(el: HTMLElement) {
  if (!el.matches(FOCUSABLE) && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus();
}

export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById("main");
    const target = main?.querySelector<HTMLElement>("h1") ?? main;
    if (target) focusTarget(target);
  }, [pathname]);

  useEffect(() => {
    // The focused element's ancestors, recorded when it took focus: after it is removed
    // they are the way back to where it was.
    let ancestors: HTMLElement[] = [];
    let focused: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      focused = event.target as Element;
      ancestors = [];
      for (let p = focused.parentElement; p && p !== document.body; p = p.parentElement) ancestors.push(p);
    };
    const rescue = () => {
      if (!focused || focused.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      focused = null;
      // A closing <dialog> returns focus to its trigger itself (components/ui/dialog.tsx).
      if (ancestors.some((a) => a.tagName === "DIALOG")) return;
      const main = document.getElementById("main");
      const home = ancestors.find((a) => a.isConnected && a !== main && main?.contains(a));
      const target = home?.querySelector<HTMLElement>(`${FOCUSABLE}, h2, h3`) ?? main?.querySelector<HTMLElement>("h1") ?? main;
      if (target) focusTarget(target);
    };
    // A moment after the change, so React's effects (a dialog closing, a component's own
    // focus move) have run first.
    const observer = new MutationObserver(() => window.setTimeout(rescue, 50));
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, []);
  return null;
}
