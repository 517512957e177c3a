-- The days a centre receives no appointments: its weekly closed days (ISO numbers, 1 Monday … 7 Sunday, comma
-- separated; none until a supervisor sets them) and dated closures such as public holidays.
ALTER TABLE branches ADD COLUMN closed_weekdays VARCHAR(20) DEFAULT '' NOT NULL;
CREATE TABLE branch_closed_days (
    branch_code  VARCHAR(10)  NOT NULL REFERENCES branches (code),
    closed_on    DATE         NOT NULL,
    reason       VARCHAR(100),
    PRIMARY KEY (branch_code, closed_on)
);
