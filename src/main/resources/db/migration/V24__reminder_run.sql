-- One row per day the reminders went out: with several nodes, the first to insert the day sends, the others skip.
create table reminder_run (
  run_day  date       primary key,
  sent     integer    not null,
  run_at   timestamp  not null
);
