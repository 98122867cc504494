-- Who attended a committee in which year, for the rule 前三年连续出席评委对比屏蔽: imported from earlier records;
-- sessions run in this system add their own attendance (expert_attendance, REVIEW, present).
create table attendance_history (
  committee_name  varchar(200) not null,
  review_year     integer      not null,
  expert_code     varchar(64)  not null,
  imported_by     varchar(64),
  imported_at     timestamp    not null,
  primary key (committee_name, review_year, expert_code)
);

-- Experts left out of a session's draw, with the reason, for the draw record.
create table draw_exclusion (
  session_id  bigint       not null references review_session (id),
  expert_id   bigint       not null references expert (id),
  reason      varchar(200) not null,
  primary key (session_id, expert_id)
);
