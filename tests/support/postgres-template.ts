// Vitest global setup of the PostgreSQL integration project: one database migrated from the
// committed migrations, once per run, that every test file's fresh database is copied from
// (CREATE DATABASE ... TEMPLATE), instead of replaying every migration per file. The
// migrations are still proven: the template is built from them.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { createPostgresDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = await createPostgresDatabase();
  project.provide("postgresTemplate", new URL(url).pathname.slice(1));
  return async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
    await admin.end();
  };
}
