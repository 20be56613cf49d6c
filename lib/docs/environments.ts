// Where the COPA API lives. Production and staging are COPA's published base URLs; the
// sandbox is this portal's own /api/v1, so its URL depends on where the portal is served.
// Each environment's name and notes are messages: docs.environments.<id>.{name,keys,data}.
export type DocsEnvironment = {
  id: "production" | "staging" | "sandbox";
  baseUrl: string;
};

export const PRODUCTION_BASE_URL = "https://api.copa.rw/api/v1/";
export const STAGING_BASE_URL = "https://api.staging.copa.rw/api/v1/";

export function docsEnvironments(sandboxBaseUrl: string): DocsEnvironment[] {
  return [
    { id: "sandbox", baseUrl: sandboxBaseUrl },
    { id: "staging", baseUrl: STAGING_BASE_URL },
    { id: "production", baseUrl: PRODUCTION_BASE_URL },
  ];
}
