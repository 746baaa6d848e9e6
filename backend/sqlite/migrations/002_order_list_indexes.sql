-- The Orders screen at a million orders: sorting by amount along an index, and finding
-- customers by the start of their name, regardless of case.
CREATE INDEX orders_total ON orders(program_id, total, id);
CREATE INDEX customers_name ON customers(program_id, name COLLATE NOCASE);
