// Where the COPA API lives. Production and staging are COPA's published base URLs; the
// sandbox is this portal's own /api/v1, so its URL depends on where the portal is served.

export type DocsEnvironment = {
  id: "production" | "staging" | "sandbox";
  name: string;
  baseUrl: string;
  keys: string;
  data: string;
};

export const PRODUCTION_BASE_URL = "https://api.copa.rw/api/v1/";
export const STAGING_BASE_URL = "https://api.staging.copa.rw/api/v1/";

export function docsEnvironments(sandboxBaseUrl: string): DocsEnvironment[] {
  return [
    {
      id: "sandbox",
      name: "Sandbox (this portal)",
      baseUrl: sandboxBaseUrl,
      keys: "Sandbox keys from this portal. Production keys are refused (401).",
      data: "Fictional sample cooperatives and members across Rwanda's provinces. Serves every endpoint, including the loans and payments endpoints announced for production.",
    },
    {
      id: "staging",
      name: "Staging",
      baseUrl: STAGING_BASE_URL,
      keys: "Staging credentials, separate from production ones.",
      data: "COPA's pre-production environment for development and testing.",
    },
    {
      id: "production",
      name: "Production",
      baseUrl: PRODUCTION_BASE_URL,
      keys: "Production keys from this portal.",
      data: "Real cooperative data. Loans and payments endpoints are announced, not yet live.",
    },
  ];
}
