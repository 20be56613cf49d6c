"use client";

// After a client-side navigation the browser leaves focus on the link that was clicked
// (or on <body> when it left the DOM), and a screen reader says nothing of the new page.
// Move focus to the new page's heading, as a full page load would start at the top.
// Only on a new path: filters and paging (query string) keep focus where the user is.
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById("main");
    const target = main?.querySelector<HTMLElement>("h1") ?? main;
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [pathname]);
  return null;
}
