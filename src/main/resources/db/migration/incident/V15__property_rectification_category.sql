-- The property module's rectification orders (整改) go through the whistle loop as incidents of their own category,
-- so that the loop's deadlines can be set for them and the figures by category keep them apart from residents' reports.
INSERT INTO incident.category_class (code, name, standard, sort_order) VALUES ('PROPERTY', '物业管理', 'COMMUNITY', 110);
INSERT INTO incident.category (code, class_code, name, sort_order, published, exact_position)
VALUES ('PROPERTY_RECTIFICATION', 'PROPERTY', '物业整改', 170, true, false);
