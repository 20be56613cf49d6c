"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** Takes focus when the set-up appears, so keyboard and screen-reader users start at step 1. */
export function SetupHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} tabIndex={-1} className="font-semibold outline-none">
      {children}
    </h2>
  );
}
