-- One row per day the administrators were warned that a year's working-day notice is missing: with several nodes,
-- the first to insert the day sends the e-mail, the others skip.
create table calendar_warning_run (
  run_day      date       primary key,
  notice_year  integer    not null,
  sent         integer    not null,
  run_at       timestamp  not null
);
