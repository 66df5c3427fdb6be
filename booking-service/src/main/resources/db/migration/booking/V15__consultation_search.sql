-- The operators' search by status (DECISIONS 37): newest first within one status, without reading the whole table.
-- The id prefix is a LIKE 'abc%' on the primary key; the page size bounds what any search answers.
CREATE INDEX consultation_status_created ON consultation (status, created_at);
