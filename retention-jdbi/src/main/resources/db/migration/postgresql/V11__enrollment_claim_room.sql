-- Every step updates its enrollment twice: the claim (lease columns only, indexed by nothing) and the
-- advance. The claim leases a whole batch of due enrollments at once, so most rows of a page get a
-- new version together; with a page half free each of them fits on its page and the claim is a HOT
-- update, which writes no index entries (at 70 about six in ten claims found no room and wrote an
-- entry in each of the table's seven indexes). Applies to pages filled from now on.
ALTER TABLE rc_enrollment SET (fillfactor = 50);
