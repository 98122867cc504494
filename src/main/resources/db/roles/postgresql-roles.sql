-- Database roles for production on PostgreSQL (docs/audit.md, "Database roles"), run once by the DBA as a superuser
-- before the first start, in the application's database. Replace the passwords.
--   titlereview_owner: owns our tables; Flyway connects as it (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD).
--   titlereview_app:   the application's connections (DB_USERNAME / DB_PASSWORD); owns the engine's ACT_ tables,
--                      which Camunda creates and upgrades itself, and reads and writes ours, but may only insert
--                      into and read the audit trail (Flyway's afterMigrate callback takes UPDATE, DELETE and TRUNCATE
--                      on audit_entry from every role but the owner, after every migration).
create role titlereview_owner login password 'change-me-owner';
create role titlereview_app login password 'change-me-app';
grant usage, create on schema public to titlereview_owner;
grant usage, create on schema public to titlereview_app;
alter default privileges for role titlereview_owner in schema public
  grant select, insert, update, delete on tables to titlereview_app;
alter default privileges for role titlereview_owner in schema public
  grant usage, select on sequences to titlereview_app;
