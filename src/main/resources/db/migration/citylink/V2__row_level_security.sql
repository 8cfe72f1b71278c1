-- Row-level security as the second wall (see incident/V14): a query of the platform's role that forgot its scope
-- predicate still sees only the rows of the caller's scope. Empty scope: the platform's own work (the feed listener,
-- the delivery workers, an order's key check), which the application scopes.
ALTER TABLE subscriber ENABLE ROW LEVEL SECURITY;
CREATE POLICY subscriber_in_scope ON subscriber
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

ALTER TABLE delivery ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivery_in_scope ON delivery
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

ALTER TABLE feed_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY feed_event_in_scope ON feed_event
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

ALTER TABLE city_order ENABLE ROW LEVEL SECURITY;
CREATE POLICY city_order_in_scope ON city_order
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

ALTER TABLE platform_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY platform_link_in_scope ON platform_link
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
