-- The committee's expert library (评委库, docs/library.md): kept across sessions and years, changed only by versions.
-- A library row is an expert row without a session: it is never updated in place but closed by the version that
-- replaces it (to_version), so that a version's library is the rows with from_version <= v < to_version and a
-- session's frozen snapshot is one row naming (committee, version). Drawn experts keep pointing at the row they
-- were drawn from.
alter table expert alter column session_id drop not null;
alter table expert add column committee_id bigint references committee (id);
alter table expert add column from_version integer;
alter table expert add column to_version integer;
alter table expert add column term_start date;
alter table expert add column term_end date;
alter table expert add column status_reason varchar(200);
alter table expert add column status_date date;
-- Contacts are encrypted (SM4-GCM or AES-GCM, key id inside the value); the masked forms are what pages show.
alter table expert alter column phone set data type varchar(400);
alter table expert alter column email set data type varchar(600);
alter table expert add column phone_masked varchar(32);
alter table expert add column email_masked varchar(200);
alter table expert alter column status set data type varchar(16);
create index expert_library_version on expert (committee_id, from_version);
create index expert_library_current on expert (committee_id, to_version, expert_code);

create table library_version (
  committee_id  bigint        not null references committee (id),
  version       integer       not null,
  -- 导入 / 修改 / 迁入
  kind          varchar(16)   not null,
  summary       varchar(1000) not null,
  file_name     varchar(255),
  file_sha256   varchar(64),
  added         integer       not null,
  changed       integer       not null,
  leaving       integer       not null,
  -- experts in the library after this version (在库 and 暂停; 出库 not counted)
  expert_count  integer       not null,
  created_by    varchar(64)   not null,
  created_at    timestamp     not null,
  primary key (committee_id, version)
);

-- What a session draws from, frozen at its roster gate: a version of its committee's library, or (version null)
-- the session's own one-off roster where the committee had no library.
create table library_snapshot (
  session_id    bigint    primary key references review_session (id),
  committee_id  bigint    not null references committee (id),
  version       integer,
  expert_count  integer   not null,
  taken_at      timestamp not null
);

-- The session's roster as the draw reads it: its own rows, or its committee's library as of its snapshot.
create view session_expert as
  select e.id, e.session_id, e.expert_code, e.name, e.employer, e.specialty, e.title, e.phone, e.phone_masked,
         e.email, e.email_masked, e.status, e.code_rank
  from expert e where e.session_id is not null
  union all
  select e.id, s.session_id, e.expert_code, e.name, e.employer, e.specialty, e.title, e.phone, e.phone_masked,
         e.email, e.email_masked, e.status, cast(null as integer) as code_rank
  from library_snapshot s
  join expert e on e.committee_id = s.committee_id and e.from_version <= s.version
   and (e.to_version is null or e.to_version > s.version)
  where e.session_id is null and e.status <> '出库';

-- Attendance history by committee, not by the free-text name (a typo no longer starts a new history).
alter table attendance_history add column committee_id bigint references committee (id);
update attendance_history set committee_id = (select min(c.id) from committee c where c.name = attendance_history.committee_name);
create index attendance_history_committee on attendance_history (committee_id, review_year);
