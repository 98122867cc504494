-- The audit trail chained by hash (docs/audit.md): each row has its place in the chain, the hash of the row before
-- it and its own hash, each named by its algorithm (sm3:…). Rows written before the chain are chained by V62.
alter table audit_entry add column seq bigint;
alter table audit_entry add column previous_hash varchar(80);
alter table audit_entry add column hash varchar(80);
create unique index audit_entry_seq on audit_entry (seq);
create index audit_entry_actor on audit_entry (actor, id);
create index audit_entry_at on audit_entry (at);
-- The chain's head: one row, locked by every append, so that two nodes append one after the other. The application's
-- database user may update this row; it may only insert into and read audit_entry (docs/audit.md, "Database roles").
create table audit_chain (
  id        int          primary key,
  last_seq  bigint       not null,
  last_hash varchar(80)  not null
);
insert into audit_chain (id, last_seq, last_hash) values (1, 0, 'genesis');
