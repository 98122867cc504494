-- China's working-day calendar: per year, the statutory holidays and the make-up working days (调休) announced by
-- the State Council. A year without a row in calendar_year has no data: counting into it fails loudly.
create table calendar_year (
  notice_year  integer      primary key,
  source       varchar(500) not null,
  loaded_by    varchar(64),
  loaded_at    timestamp    not null
);

create table calendar_day (
  calendar_date  date        primary key,
  notice_year    integer     not null references calendar_year (notice_year),
  kind           varchar(8)  not null
);
