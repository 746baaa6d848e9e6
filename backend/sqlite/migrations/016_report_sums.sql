-- The report's sums (010_report.sql) are kept by the writers of orders and commission lines,
-- set-wise, in the transaction of their writes (report_keep.go): an import block or a
-- recompute chunk updates them with a few grouped statements instead of a trigger a row.
DROP TRIGGER report_orders_insert;
DROP TRIGGER report_orders_update;
DROP TRIGGER report_orders_delete;
DROP TRIGGER report_firsts_insert;
DROP TRIGGER report_firsts_delete;
DROP TRIGGER report_firsts_update;
DROP TRIGGER report_lines_insert;
DROP TRIGGER report_lines_update;
DROP TRIGGER report_lines_delete;
