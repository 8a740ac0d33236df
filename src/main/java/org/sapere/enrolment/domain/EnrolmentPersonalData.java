package org.sapere.enrolment.domain;

import java.util.Set;
import java.util.UUID;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The person's enrolments, current and past. */
@Component
class EnrolmentPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    EnrolmentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "enrolments";
    }

    @Override
    public Set<String> tables() {
        return Set.of("enrolment.enrolment");
    }

    @Override
    public Object export(UUID account, String email) {
        return jdbc.sql("""
                SELECT course_id, run_id, status, enrolled_at, withdrawn_at FROM enrolment.enrolment
                WHERE account_id = :id ORDER BY enrolled_at""").param("id", account).query().listOfRows();
    }
}
