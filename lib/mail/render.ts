// One layout for every mail: HTML (inline styles only, as mail clients need, in the
// portal's look) and plain text from the same MailContent, so the two never disagree.
import type { Locale } from "@/lib/i18n/config";
import { formatter, mailLocale, translator, type Translate } from "./format";
import { TEMPLATES, type MailContent, type MailContext, type MailTemplateId } from "./messages";

export type RenderedMail = { subject: string; text: string; html: string; bodyHtml: string };

/** Shown instead of a one-time link that must not be displayed (already sent, or a preview). */
export const HIDDEN_LINK = "[one-time link, hidden]";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Renders a template in `locale` (the mail's stored language; anything else renders in
 * English). `secret` is the one-time token its link carries; null renders the link as
 * HIDDEN_LINK (a preview after sending, or where the token must not be shown).
 */
export function renderMail(template: MailTemplateId, params: unknown, origin: string, secret: string | null, locale: Locale | string = "en"): RenderedMail {
  const definition = TEMPLATES[template];
  if (!definition) throw new Error(`unknown mail template: ${template}`);
  const base = origin.replace(/\/+$/, "");
  const secretUrl = definition.secretPath ? (secret ? `${base}${definition.secretPath}?token=${encodeURIComponent(secret)}` : HIDDEN_LINK) : undefined;
  const lang = mailLocale(locale);
  const t = translator(lang, "mail");
  const context: MailContext = { t, f: formatter(lang, t), origin: base, secretUrl };
  const content = (definition.content as (p: unknown, c: MailContext) => MailContent)(params, context);
  const layout: Layout = { lang, t };
  // The preview sits under the admin page's own headings, so its heading is an h3 there.
  return { subject: content.subject, text: renderText(content, layout), html: renderHtmlDocument(content, layout), bodyHtml: renderHtmlBody(content, layout, "h3") };
}

type Layout = { lang: Locale; t: Translate };

function renderText(content: MailContent, { t }: Layout): string {
  const lines: string[] = [content.heading, ""];
  for (const block of content.blocks) {
    if (block.kind === "paragraph") lines.push(block.text, "");
    else {
      for (const [label, value] of block.rows) lines.push(t("layout.row", { label, value }));
      lines.push("");
    }
  }
  if (content.action) lines.push(t("layout.actionLine", { label: content.action.label }), content.action.url, "");
  lines.push("--", content.footnote, t("layout.brand"));
  return lines.join("\n");
}

const FONT = "font-family:ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** The body (the mail's own, and /admin/mail's preview). Colours are fixed (mail has no dark mode we control). */
function renderHtmlBody(content: MailContent, { t }: Layout, headingTag: "h1" | "h3" = "h1"): string {
  const parts: string[] = [];
  parts.push(`<div style="${FONT};background:#f4f4f5;padding:24px;color:#18181b">`);
  parts.push(`<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:24px">`);
  parts.push(`<p style="margin:0 0 16px;font-size:13px;font-weight:600;color:#3f3f46">${escapeHtml(t("layout.brand"))}</p>`);
  parts.push(`<${headingTag} style="margin:0 0 16px;font-size:20px;line-height:28px;color:#18181b">${escapeHtml(content.heading)}</${headingTag}>`);
  for (const block of content.blocks) {
    if (block.kind === "paragraph") {
      parts.push(`<p style="margin:0 0 12px;font-size:15px;line-height:22px">${escapeHtml(block.text)}</p>`);
    } else {
      parts.push(`<table role="presentation" style="margin:0 0 12px;font-size:14px;border-collapse:collapse">`);
      for (const [label, value] of block.rows) {
        parts.push(`<tr><td style="padding:2px 12px 2px 0;color:#3f3f46;vertical-align:top">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`);
      }
      parts.push(`</table>`);
    }
  }
  if (content.action) {
    const url = content.action.url;
    if (/^https?:\/\//.test(url)) {
      parts.push(`<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#18181b;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;font-size:15px;font-weight:600">${escapeHtml(content.action.label)}</a></p>`);
      parts.push(`<p style="margin:0 0 12px;font-size:13px;line-height:20px;color:#3f3f46;word-break:break-all">${escapeHtml(t("layout.pasteLink", { url }))}</p>`);
    } else {
      parts.push(`<p style="margin:20px 0;font-size:14px;color:#3f3f46">${escapeHtml(t("layout.row", { label: content.action.label, value: url }))}</p>`);
    }
  }
  parts.push(`<p style="margin:20px 0 0;padding-top:12px;border-top:1px solid #e4e4e7;font-size:12px;line-height:18px;color:#3f3f46">${escapeHtml(content.footnote)}</p>`);
  parts.push(`</div></div>`);
  return parts.join("");
}

function renderHtmlDocument(content: MailContent, layout: Layout): string {
  return `<!doctype html><html lang="${layout.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head><body style="margin:0"><span style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</span>${renderHtmlBody(content, layout)}</body></html>`;
}
