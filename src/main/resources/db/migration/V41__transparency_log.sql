-- The region's transparency log (docs/transparency.md): append-only; nothing here is ever updated or deleted.
-- Every leaf, as its text (UTF-8) and its hash SM3(0x00 ‖ leaf), hex.
create table transparency_leaf (
  leaf_index    bigint         primary key,
  kind          varchar(40)    not null,
  session_code  varchar(64),
  sealed_at     timestamp      not null,
  leaf          varchar(4000)  not null,
  leaf_hash     varchar(64)    not null
);
create index idx_transparency_leaf_session on transparency_leaf (session_code);

-- Every perfect subtree: 2^level leaves from node_index * 2^level; level 0 are the leaf hashes. Proofs read only these.
create table transparency_node (
  level       integer      not null,
  node_index  bigint       not null,
  hash        varchar(64)  not null,
  primary key (level, node_index)
);

-- The log's size; its one row is locked while leaves are appended, so that appends never interleave.
create table transparency_head (
  id         integer  primary key,
  tree_size  bigint   not null
);
insert into transparency_head (id, tree_size) values (1, 0);

-- Every checkpoint the server signed, as its text.
create table transparency_checkpoint (
  tree_size   bigint         primary key,
  root_hash   varchar(80)    not null,
  signed_at   timestamp      not null,
  text        varchar(2000)  not null
);
