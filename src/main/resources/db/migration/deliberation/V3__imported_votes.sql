-- Votes brought in from before the platform (a group's signed paper lists, as 新河街's self-management group kept them):
-- channel IMPORTED, no ballot photo of their own. A paper ballot entered by the desk still needs its photo.
ALTER TABLE vote DROP CONSTRAINT vote_channel_check;
ALTER TABLE vote DROP CONSTRAINT vote_check;
ALTER TABLE vote ADD CONSTRAINT vote_channel_check CHECK (channel IN ('ONLINE', 'PAPER', 'IMPORTED'));
ALTER TABLE vote ADD CONSTRAINT vote_paper_has_photo CHECK (channel <> 'PAPER' OR ballot_photo_id IS NOT NULL);
