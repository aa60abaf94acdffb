-- One login role and one schema per bounded context: a service can only touch the schema it owns,
-- so "no app reads another app's tables" is enforced by PostgreSQL, not by convention.
-- Idempotent; run against the target database by scripts/infra/postgres.sh and docker/postgres init.
DO $$
DECLARE
  context text;
BEGIN
  FOREACH context IN ARRAY ARRAY['gateway', 'contracts', 'verifier', 'payouts'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hashproof_' || context) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', 'hashproof_' || context);
    END IF;
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', context, 'hashproof_' || context);
    EXECUTE format('ALTER ROLE %I SET search_path = %I', 'hashproof_' || context, context);
  END LOOP;
END
$$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
