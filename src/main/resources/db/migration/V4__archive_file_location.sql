-- Archive files may live on a file system instead of in the database (titlereview.archive.store=filesystem);
-- location is then the file's path under titlereview.archive.directory, and content is left empty.
alter table archive_file add column location varchar(500);
