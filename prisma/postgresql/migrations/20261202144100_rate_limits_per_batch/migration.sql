-- The rate-limit decisions of one event-loop turn of one API instance in one call
-- (lib/api/store/postgres.ts batches them, as the SQLite store group-commits them).
--
-- copa_consume_rate_limit (20261202055400_rate_limit_in_one_statement) made one decision
-- per call: one round trip, one transaction, two bucket upserts and a usage upsert per
-- request, and with one hot key every request queued on the key's advisory lock. This
-- function takes the decisions as arrays, in arrival order, and within one transaction:
--
--   1. takes the advisory lock of every distinct key, in ascending lock order (two
--      instances' batches sharing keys then wait for each other instead of deadlocking);
--   2. reads each key's windows once (READ COMMITTED: the snapshot of this statement is
--      taken after the locks, so it includes every increment committed before);
--   3. decides each request in order on the running in-memory count, exactly as the
--      one-by-one function would have (a refused request consumes nothing);
--   4. writes each key's admitted requests as one increment of its minute and hour
--      buckets, its daily usage (2xx admitted, 429 refused) once per key and day, and
--      last-used once per key (the latest asked for).
--
-- All decisions of a call share one minute (the caller splits a batch that spans a
-- minute boundary). Returns one row per decision, in input order: the usage before that
-- request (the caller adds it when admitted) and, when refused, the key's counted buckets
-- for Retry-After, read after this call's increments.
--
-- copa_consume_rate_limit stays: an instance still running the previous release keeps
-- working during a rolling upgrade, and both take the same locks, so counts stay exact.
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
  p_day_from TIMESTAMP(3)
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
