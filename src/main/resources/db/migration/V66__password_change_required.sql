-- Accounts whose password an administrator set (a new account, a reset): the person must choose their own at the next
-- login before anything else (docs/security.md, "Account hygiene"). The row goes when they have.
create table password_change_required (
  user_id        varchar(64)  primary key,
  required_since timestamp    not null,
  required_by    varchar(64)  not null
);
