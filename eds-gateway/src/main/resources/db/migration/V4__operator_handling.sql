-- What operators did with quarantined records: a dead letter redriven, a parked write resolved. The primary key
-- (the record's topic:partition:offset) is what makes a redrive happen at most once, however often it is asked for.
CREATE TABLE quarantine_handling (
    id          varchar(320) PRIMARY KEY,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('REDRIVEN', 'RESOLVED')),
    handled_at  timestamptz  NOT NULL,
    note        text
);
