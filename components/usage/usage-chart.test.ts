import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import type { KeyUsage } from "@/lib/usage";
import { UsageChart } from "./usage-chart";

/** The chart as a reader of `locale` gets it. */
function render(data: KeyUsage, locale: Locale = "en"): string {
  const chart = createElement(UsageChart, { usage: data });
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE, children: chart }));
}

function usage(totals: number[]): KeyUsage {
  const days = totals.map((n, i) => ({ day: `2031-03-${String(i + 1).padStart(2, "0")}`, count2xx: n, count4xx: n ? 1 : 0, count429: 0, count5xx: 0, total: n + (n ? 1 : 0) }));
  const sum = (k: "count2xx" | "count4xx" | "total") => days.reduce((s, d) => s + d[k], 0);
  return { keyId: "k1", days, totals: { count2xx: sum("count2xx"), count4xx: sum("count4xx"), count429: 0, count5xx: 0, total: sum("total") } };
}

describe("UsageChart", () => {
  it("summarises the totals for screen readers and offers every day as a table", () => {
    const html = render(usage([0, 4, 9, 0, 1]));
    expect(html).toContain('role="img"');
    expect(html).toContain("17 requests in the last 5 days: 14 successful, 3 client errors, 0 throttled, 0 server errors.");
    expect(html).toContain("Busiest day");
    expect(html.match(/<tr>/g)).toHaveLength(6); // header + 5 days
    // Two drawings (desktop and phone), one displayed at a time.
    expect(html.match(/<title>/g)).toHaveLength(10);
  });

  it("keeps the phone drawing's labels at least 11 px on a 390 px phone, with fewer date ticks", () => {
    const html = render(usage(Array.from({ length: 30 }, (_, i) => i)));
    const drawings = [...html.matchAll(/<svg viewBox="0 0 (\d+) \d+" class="([^"]*)"[\s\S]*?<\/svg>/g)];
    expect(drawings).toHaveLength(2);
    const phone = drawings.find((d) => d[2].includes("sm:hidden"))!;
    // On a 390 px screen the card's drawing area is about 326 px wide (page and card padding).
    const scale = 326 / Number(phone[1]);
    const sizes = [...phone[0].matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]) * scale);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // Every <text> but the three value labels of the y axis is a date tick.
    const dateTicks = (svg: string) => (svg.match(/<text/g) ?? []).length - 3;
    const desktop = drawings.find((d) => d !== phone)!;
    expect(dateTicks(phone[0])).toBeLessThan(dateTicks(desktop[0]));
    expect(dateTicks(phone[0])).toBeLessThanOrEqual(4);
  });

  it("says so when there was no traffic", () => {
    const html = render(usage(Array(30).fill(0)));
    expect(html).toContain("No requests with this key in the last 30 days.");
    expect(html).not.toContain("<rect x=\"NaN");
  });

  it("speaks the reader's language: words, numbers and dates in French and Kinyarwanda", () => {
    const fr = render(usage([0, 4, 1200, 0, 1]), "fr");
    expect(fr).toContain("Requêtes par jour");
    expect(fr).toMatch(/1\s208 requêtes ces 5 derniers jours/);
    expect(fr).toContain("3 mars"); // a date tick, French month
    expect(fr).toContain("Afficher sous forme de tableau");
    const rw = render(usage([0, 4, 9, 0, 1]), "rw");
    expect(rw).toContain("Ubusabe ku munsi");
    expect(rw).toContain("Erekana nk’imbonerahamwe");
    expect(rw).toMatch(/Wer\./); // Werurwe (March), abbreviated on the axis
    for (const html of [fr, rw]) expect(html).not.toMatch(/usage\.chart|Requests per day|⟦/);
  });
});
