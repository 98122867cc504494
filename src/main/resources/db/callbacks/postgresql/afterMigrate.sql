-- After every migration on PostgreSQL (docs/audit.md, "Database roles"): the audit trail is append-only for every role
-- but the schema's owner, whatever grants or default privileges gave it. The application's role keeps SELECT and
-- INSERT on audit_entry, and SELECT and UPDATE on the chain's head (it locks and moves it).
do $$
declare
  grantee_role text;
begin
  for grantee_role in
    select distinct grantee from information_schema.role_table_grants
    where table_schema = current_schema() and table_name = 'audit_entry'
      and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE') and grantee <> current_user
  loop
    execute format('revoke update, delete, truncate on audit_entry from %I', grantee_role);
  end loop;
  for grantee_role in
    select distinct grantee from information_schema.role_table_grants
    where table_schema = current_schema() and table_name = 'audit_chain'
      and privilege_type in ('DELETE', 'TRUNCATE', 'INSERT') and grantee <> current_user
  loop
    execute format('revoke delete, truncate, insert on audit_chain from %I', grantee_role);
  end loop;
end $$;
