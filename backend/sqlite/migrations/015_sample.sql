-- The sample program is marked as such: its payout runs are issued by an invented company and
-- numbered in a series of their own (backend/payout, IssueOf), never in the shop's. Only
-- `partnerbook init --sample` (or "Try the sample") makes a program the sample. A sample made
-- before this version is known by its name and its invented partner kira@example.org.
ALTER TABLE programs ADD COLUMN sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0,1));
UPDATE programs SET sample = 1 WHERE name = 'Sample shop'
    AND EXISTS (SELECT 1 FROM partners p WHERE p.program_id = programs.id AND p.key = 'kira' AND p.email = 'kira@example.org');
