-- The index 010_report.sql made for the report's cut hours (an hour that a period's edge cuts,
-- only in zones whose days do not start on a whole UTC hour) covered seven columns of every
-- credited order: every order a recompute or an import credits wrote an entry of it. A cut hour
-- holds an hour's orders, which orders_time (program_id, time, id) finds as well.
DROP INDEX orders_report;
