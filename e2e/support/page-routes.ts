// Every page route of the app, read from the file system, so a sweep can fail when a new
// page is missing from its table.
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every page route in app/, as its URL pattern (route groups dropped), sorted. */
export function pageRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) {
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(path.resolve(__dirname, "../../app"), []);
  return routes.sort();
}
