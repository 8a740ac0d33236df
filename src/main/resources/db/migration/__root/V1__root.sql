-- Tables shared by every module live here; the event publication registry creates its own table.
CREATE SCHEMA IF NOT EXISTS public;
