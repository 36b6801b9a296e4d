CREATE TABLE import_batch (
	id SERIAL NOT NULL, 
	file_name VARCHAR(255) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	form VARCHAR(32), 
	rows INTEGER NOT NULL, 
	stored_rows INTEGER NOT NULL, 
	answers INTEGER, 
	mean FLOAT, 
	first_date DATE, 
	last_date DATE, 
	unit_names VARCHAR NOT NULL, 
	warnings VARCHAR NOT NULL, 
	imported_by VARCHAR(255) NOT NULL, 
	imported_at TIMESTAMP WITH TIME ZONE NOT NULL, 
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_import_batch_sha256 ON import_batch (sha256);

CREATE TABLE service_area (
	id SERIAL NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);

CREATE TABLE setting (
	key VARCHAR(64) NOT NULL, 
	value VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (key)
);

CREATE TABLE unit (
	id SERIAL NOT NULL, 
	name VARCHAR(255) NOT NULL, 
	name_key VARCHAR(255) NOT NULL, 
	service_area_id INTEGER, 
	manager VARCHAR(255), 
	coaches VARCHAR, 
	mentors VARCHAR, 
	coaching_start DATE, 
	coaching_end DATE, 
	goal VARCHAR, 
	in_register BOOLEAN NOT NULL, 
	batch_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(service_area_id) REFERENCES service_area (id), 
	FOREIGN KEY(batch_id) REFERENCES import_batch (id)
);

CREATE INDEX ix_unit_batch_id ON unit (batch_id);

CREATE UNIQUE INDEX ix_unit_name_key ON unit (name_key);

CREATE TABLE feedback_comment (
	id SERIAL NOT NULL, 
	batch_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	survey VARCHAR(255) NOT NULL, 
	question VARCHAR(1000) NOT NULL, 
	text VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);

CREATE INDEX ix_comment_unit_date ON feedback_comment (unit_id, date);

CREATE INDEX ix_feedback_comment_batch_id ON feedback_comment (batch_id);

CREATE TABLE feedback_score (
	id SERIAL NOT NULL, 
	batch_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	year INTEGER NOT NULL, 
	month INTEGER NOT NULL, 
	week_start DATE NOT NULL, 
	survey VARCHAR(255) NOT NULL, 
	question VARCHAR(1000) NOT NULL, 
	respondent_group VARCHAR(255) NOT NULL, 
	scale_min INTEGER NOT NULL, 
	scale_max INTEGER NOT NULL, 
	n INTEGER NOT NULL, 
	score_sum FLOAT NOT NULL, 
	positive_n INTEGER, 
	promoters_n INTEGER, 
	detractors_n INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);

CREATE INDEX ix_feedback_date ON feedback_score (date);

CREATE INDEX ix_feedback_score_batch_id ON feedback_score (batch_id);

CREATE INDEX ix_feedback_unit_date ON feedback_score (unit_id, date);

CREATE TABLE mentor_report (
	id SERIAL NOT NULL, 
	batch_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	year INTEGER NOT NULL, 
	month INTEGER NOT NULL, 
	week_start DATE NOT NULL, 
	mentor VARCHAR(255) NOT NULL, 
	mood FLOAT NOT NULL, 
	workload FLOAT, 
	atmosphere FLOAT, 
	interaction FLOAT, 
	concern BOOLEAN, 
	observations VARCHAR, 
	wishes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);

CREATE INDEX ix_mentor_report_batch_id ON mentor_report (batch_id);

CREATE INDEX ix_mentor_unit_date ON mentor_report (unit_id, date);

CREATE TABLE target (
	id SERIAL NOT NULL, 
	batch_id INTEGER, 
	indicator VARCHAR(64) NOT NULL, 
	unit_id INTEGER, 
	year INTEGER, 
	target FLOAT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);

CREATE INDEX ix_target_batch_id ON target (batch_id);

CREATE INDEX ix_target_indicator ON target (indicator);

CREATE TABLE workforce_month (
	id SERIAL NOT NULL, 
	batch_id INTEGER NOT NULL, 
	unit_id INTEGER NOT NULL, 
	month DATE NOT NULL, 
	year INTEGER NOT NULL, 
	headcount FLOAT NOT NULL, 
	fte FLOAT, 
	sick_leave_days FLOAT, 
	short_sick_leaves FLOAT, 
	new_hires FLOAT, 
	leavers FLOAT, 
	overtime_hours FLOAT, 
	training_days FLOAT, 
	work_accidents FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(batch_id) REFERENCES import_batch (id), 
	FOREIGN KEY(unit_id) REFERENCES unit (id)
);

CREATE INDEX ix_workforce_month_batch_id ON workforce_month (batch_id);

CREATE INDEX ix_workforce_unit_month ON workforce_month (unit_id, month);
