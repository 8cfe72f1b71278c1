-- How far a read replica is behind (shared.database.ReplicaLag; docs/scaling.md, "Read replicas"): every heartbeat
-- each node of the platform writes the time into its own row on the primary, and looks for that row on the replica.
-- The beat a replica shows is the newest moment whose writes a read there is sure to see, so its age is the replica's
-- lag as a reader feels it — for streaming and logical replication alike (for the latter the table must be part of
-- the publication). Written only while a replica is configured; a node's row is deleted a day after its last beat.
CREATE TABLE heartbeat (
    node uuid PRIMARY KEY,         -- one run of one application node
    beat timestamptz NOT NULL      -- the node's clock when it wrote the beat
);
