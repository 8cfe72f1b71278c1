-- What Open311 (and any other public door) may show of a category's incidents. Open311 used to serve every incident,
-- a lonely old person's call for help with its exact coordinates among them. A category is public unless it concerns
-- one household's own affairs; a public request's position is rounded to about 100 m unless the spot itself is what
-- must be found (a manhole, a pothole, a blocked fire lane), where the point is a piece of road, not somebody's door.
ALTER TABLE incident.category
    ADD COLUMN published boolean NOT NULL DEFAULT true,
    ADD COLUMN exact_position boolean NOT NULL DEFAULT false;

-- personal help, neighbours' disputes and a firm's hiring are nobody else's business
UPDATE incident.category SET published = false
 WHERE code IN ('ELDERLY_ALONE_HELP', 'NEIGHBOUR_DISPUTE', 'FIRM_RECRUITMENT');

UPDATE incident.category SET exact_position = true
 WHERE code IN ('MANHOLE_COVER', 'ROAD_POTHOLE', 'FIRE_LANE_BLOCKED', 'TREE_PRUNING');
