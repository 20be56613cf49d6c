// Deliberate focus moves after an in-page change, for keyboard and screen-reader users.
// When the control that had focus disappears (a Reveal button once the key is revealed, a
// Revoke button once it is revoked), the browser drops focus to <body>; these put it on
// the next logical place instead.

/**
 * Focuses the first element matching one of `selectors` inside <main>, else the page's
 * heading. Runs on the next frame so it lands after a closing dialog's own focus return,
 * and again once the server's refreshed page has replaced the DOM it found.
 */
export function focusNext(...selectors: string[]) {
  const run = () => {
    const main = document.getElementById("main") ?? document.body;
    const target = selectors.map((s) => main.querySelector<HTMLElement>(s)).find(Boolean) ?? main.querySelector<HTMLElement>("h1") ?? main;
    if (target.matches("h1, h2, main, section, div, p") && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  };
  requestAnimationFrame(run);
  // After router.refresh() the trigger may vanish a moment later: put focus back if it fell to <body>.
  const settle = window.setInterval(() => {
    if (document.activeElement === document.body || !document.activeElement?.isConnected) run();
  }, 100);
  window.setTimeout(() => window.clearInterval(settle), 3000);
}

/**
 * Says `message` through the page's polite live region (#live-announcer in the root
 * layout): for a change whose visible result is elsewhere on the page (a key revoked, a
 * list refreshed) and that focus alone does not convey.
 */
export function announce(message: string) {
  const region = document.getElementById("live-announcer");
  if (!region) return;
  // Cleared first so the same message twice is announced twice.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
