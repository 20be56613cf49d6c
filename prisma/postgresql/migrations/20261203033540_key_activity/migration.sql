-- CreateTable
CREATE TABLE "KeyCallHour" (
    "keyId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "KeyCallHour_pkey" PRIMARY KEY ("keyId","hour")
);

-- CreateTable
CREATE TABLE "KeyClientIp" (
    "keyId" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "KeyClientIp_pkey" PRIMARY KEY ("keyId","ip")
);

-- CreateTable
CREATE TABLE "KeyScopeUse" (
    "keyId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyScopeUse_pkey" PRIMARY KEY ("keyId","scope")
);

-- CreateIndex
CREATE INDEX "KeyCallHour_hour_idx" ON "KeyCallHour"("hour");

-- CreateIndex
CREATE INDEX "KeyClientIp_keyId_lastSeenAt_idx" ON "KeyClientIp"("keyId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "KeyClientIp_lastSeenAt_idx" ON "KeyClientIp"("lastSeenAt");

-- AddForeignKey
ALTER TABLE "KeyCallHour" ADD CONSTRAINT "KeyCallHour_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyClientIp" ADD CONSTRAINT "KeyClientIp_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyScopeUse" ADD CONSTRAINT "KeyScopeUse_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- copa_consume_rate_limits with the activity of its calls (issue 12: the rotation view and
-- the unused-scopes report). Same decisions, locks and writes as the ten-argument function
-- of 20261202144100_rate_limits_per_batch, plus, in the same transaction, the calls per
-- key and hour, per key and client address, and the last admitted use of each scope, and
-- the pruning of old activity rows when the caller says it is due. The ten-argument
-- function stays for instances of the previous release during a rolling upgrade.
CREATE OR REPLACE FUNCTION copa_consume_rate_limits(
  p_keys TEXT[],
  p_hour_limits INTEGER[],
  p_day_limits INTEGER[],
  p_usage_days TEXT[],
  p_touch_at TIMESTAMP(3)[],
  p_touch_ip TEXT[],
  p_minute TIMESTAMP(3),
  p_hour TIMESTAMP(3),
  p_hour_from TIMESTAMP(3),
  p_day_from TIMESTAMP(3),
  p_call_at TIMESTAMP(3)[],
  p_call_ip TEXT[],
  p_call_scope TEXT[],
  p_prune_hours_before TIMESTAMP(3),
  p_prune_ips_before TIMESTAMP(3)
) RETURNS TABLE (allowed BOOLEAN, hour_used BIGINT, hour_oldest TIMESTAMP(3), day_used BIGINT, day_oldest TIMESTAMP(3), buckets JSON)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  n INTEGER := COALESCE(cardinality(p_keys), 0);
  v_ids TEXT[];
  v_lock INTEGER;
  -- Per distinct key (index into v_ids): the running window counts and the admitted count.
  v_hour_used BIGINT[];
  v_hour_oldest TIMESTAMP(3)[];
  v_day_used BIGINT[];
  v_day_oldest TIMESTAMP(3)[];
  v_admitted INTEGER[];
  -- Per decision: the answer and the usage before it.
  r_allowed BOOLEAN[] := '{}';
  r_hour_used BIGINT[] := '{}';
  r_hour_oldest TIMESTAMP(3)[] := '{}';
  r_day_used BIGINT[] := '{}';
  r_day_oldest TIMESTAMP(3)[] := '{}';
  i INTEGER;
  j INTEGER;
BEGIN
  IF n = 0 THEN
    RETURN;
  END IF;
  v_ids := ARRAY(SELECT DISTINCT k FROM unnest(p_keys) AS k ORDER BY k);

  -- "COPA" as a 32-bit integer: the namespace of rate-limit locks (as copa_consume_rate_limit).
  FOR v_lock IN SELECT DISTINCT hashtext(k) AS h FROM unnest(v_ids) AS k ORDER BY h LOOP
    PERFORM pg_advisory_xact_lock(1129271361, v_lock);
  END LOOP;

  SELECT array_agg(u.hour_used ORDER BY d.ord), array_agg(u.hour_oldest ORDER BY d.ord),
         array_agg(u.day_used ORDER BY d.ord), array_agg(u.day_oldest ORDER BY d.ord),
         array_agg(0 ORDER BY d.ord)
    INTO v_hour_used, v_hour_oldest, v_day_used, v_day_oldest, v_admitted
    FROM unnest(v_ids) WITH ORDINALITY AS d(id, ord)
    CROSS JOIN LATERAL (
      SELECT COALESCE(SUM(b."count") FILTER (WHERE b."granularity" = 'm'), 0) AS hour_used,
             MIN(b."bucketStart") FILTER (WHERE b."granularity" = 'm') AS hour_oldest,
             COALESCE(SUM(b."count") FILTER (WHERE b."granularity" = 'h'), 0) AS day_used,
             MIN(b."bucketStart") FILTER (WHERE b."granularity" = 'h') AS day_oldest
        FROM "RateLimitBucket" b
       WHERE b."keyId" = d.id AND b."count" > 0
         AND ((b."granularity" = 'm' AND b."bucketStart" >= p_hour_from) OR (b."granularity" = 'h' AND b."bucketStart" >= p_day_from))
    ) AS u;

  FOR i IN 1..n LOOP
    j := array_position(v_ids, p_keys[i]);
    r_hour_used[i] := v_hour_used[j];
    r_hour_oldest[i] := v_hour_oldest[j];
    r_day_used[i] := v_day_used[j];
    r_day_oldest[i] := v_day_oldest[j];
    r_allowed[i] := v_hour_used[j] < p_hour_limits[i] AND v_day_used[j] < p_day_limits[i];
    IF r_allowed[i] THEN
      v_hour_used[j] := v_hour_used[j] + 1;
      v_hour_oldest[j] := COALESCE(v_hour_oldest[j], p_minute);
      v_day_used[j] := v_day_used[j] + 1;
      v_day_oldest[j] := COALESCE(v_day_oldest[j], p_hour);
      v_admitted[j] := v_admitted[j] + 1;
    END IF;
  END LOOP;

  -- Each key's admitted requests, one increment per bucket. The first requests of a minute
  -- for a key (its minute bucket holds exactly this call's) also drop the buckets no
  -- window counts any more, so a key keeps at most 60 + 24 rows.
  WITH admitted AS (
    SELECT t.id, t.n FROM unnest(v_ids, v_admitted) AS t(id, n) WHERE t.n > 0
  ), upserted AS (
    INSERT INTO "RateLimitBucket" ("keyId", "granularity", "bucketStart", "count")
    SELECT a.id, g.granularity, g.start, a.n
      FROM admitted a CROSS JOIN (VALUES ('m', p_minute), ('h', p_hour)) AS g(granularity, start)
     ORDER BY a.id, g.granularity
    ON CONFLICT ("keyId", "granularity", "bucketStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + excluded."count"
    RETURNING "keyId", "granularity", "count"
  )
  DELETE FROM "RateLimitBucket" b
   USING upserted u JOIN admitted a ON a.id = u."keyId"
   WHERE u."granularity" = 'm' AND u."count" = a.n AND b."keyId" = u."keyId"
     AND ((b."granularity" = 'm' AND b."bucketStart" < p_hour_from) OR (b."granularity" = 'h' AND b."bucketStart" < p_day_from));

  INSERT INTO "KeyUsageDaily" ("keyId", "day", "count2xx", "count4xx", "count429", "count5xx")
  SELECT t.k, t.d, COUNT(*) FILTER (WHERE t.a), 0, COUNT(*) FILTER (WHERE NOT t.a), 0
    FROM unnest(p_keys, p_usage_days, r_allowed) AS t(k, d, a)
   WHERE t.d IS NOT NULL
   GROUP BY t.k, t.d
   ORDER BY t.k, t.d
  ON CONFLICT ("keyId", "day") DO UPDATE SET
    "count2xx" = "KeyUsageDaily"."count2xx" + excluded."count2xx",
    "count429" = "KeyUsageDaily"."count429" + excluded."count429";

  UPDATE "ApiKey" AS k SET "lastUsedAt" = t.at, "lastUsedIp" = t.ip
    FROM (
      SELECT DISTINCT ON (s.k) s.k, s.at, s.ip
        FROM unnest(p_keys, p_touch_at, p_touch_ip) WITH ORDINALITY AS s(k, at, ip, ord)
       WHERE s.at IS NOT NULL
       ORDER BY s.k, s.ord DESC
    ) AS t
   WHERE k."id" = t.k;

  -- The calls' activity (lib/api/store/activity.ts): one row per key and hour (every call
  -- of the batch shares p_hour), per key and address, and per key and scope used by an
  -- admitted call. The rows of a batch are aggregated first, so each upsert touches a row once.
  INSERT INTO "KeyCallHour" ("keyId", "hour", "count")
  SELECT t.k, p_hour, COUNT(*)
    FROM unnest(p_keys, p_call_at) AS t(k, at)
   WHERE t.at IS NOT NULL
   GROUP BY t.k
   ORDER BY t.k
  ON CONFLICT ("keyId", "hour") DO UPDATE SET "count" = "KeyCallHour"."count" + excluded."count";

  INSERT INTO "KeyClientIp" ("keyId", "ip", "lastSeenAt", "count")
  SELECT t.k, t.ip, MAX(t.at), COUNT(*)
    FROM unnest(p_keys, p_call_at, p_call_ip) AS t(k, at, ip)
   WHERE t.at IS NOT NULL AND t.ip IS NOT NULL
   GROUP BY t.k, t.ip
   ORDER BY t.k, t.ip
  ON CONFLICT ("keyId", "ip") DO UPDATE SET "count" = "KeyClientIp"."count" + excluded."count",
    "lastSeenAt" = GREATEST("KeyClientIp"."lastSeenAt", excluded."lastSeenAt");

  INSERT INTO "KeyScopeUse" ("keyId", "scope", "lastUsedAt")
  SELECT t.k, t.s, MAX(t.at)
    FROM unnest(p_keys, p_call_at, p_call_scope, r_allowed) AS t(k, at, s, a)
   WHERE t.at IS NOT NULL AND t.s IS NOT NULL AND t.a
   GROUP BY t.k, t.s
   ORDER BY t.k, t.s
  ON CONFLICT ("keyId", "scope") DO UPDATE SET "lastUsedAt" = GREATEST("KeyScopeUse"."lastUsedAt", excluded."lastUsedAt");

  IF p_prune_hours_before IS NOT NULL THEN
    DELETE FROM "KeyCallHour" WHERE "hour" < p_prune_hours_before;
  END IF;
  IF p_prune_ips_before IS NOT NULL THEN
    DELETE FROM "KeyClientIp" WHERE "lastSeenAt" < p_prune_ips_before;
  END IF;

  RETURN QUERY
    SELECT r.a, r.hu, r.ho, r.du, r.dd, CASE WHEN r.a THEN NULL ELSE w.buckets END
      FROM unnest(p_keys, r_allowed, r_hour_used, r_hour_oldest, r_day_used, r_day_oldest) WITH ORDINALITY AS r(k, a, hu, ho, du, dd, ord)
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_array(b."granularity", b."bucketStart", b."count")) AS buckets
          FROM "RateLimitBucket" b
         WHERE NOT r.a AND b."keyId" = r.k AND b."count" > 0
           AND ((b."granularity" = 'm' AND b."bucketStart" >= p_hour_from) OR (b."granularity" = 'h' AND b."bucketStart" >= p_day_from))
      ) AS w ON true
     ORDER BY r.ord;
END
$$;
