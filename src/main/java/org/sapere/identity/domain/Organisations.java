package org.sapere.identity.domain;

import java.util.List;
import java.util.UUID;
import org.sapere.identity.Organisation;
import org.sapere.identity.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations (universities), in the {@code identity} schema. */
@Repository
public class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organisation o) {
        jdbc.sql("""
                INSERT INTO identity.organisation (id, slug, name, short_name, city, country, website)
                VALUES (:id, :slug, :name, :short, :city, :country, :web)""")
                .param("id", o.id().value())
                .param("slug", o.slug())
                .param("name", o.name())
                .param("short", o.shortName())
                .param("city", o.city())
                .param("country", o.country())
                .param("web", o.website())
                .update();
    }

    public List<Organisation> findAll() {
        return jdbc.sql(
                        "SELECT id, slug, name, short_name, city, country, website FROM identity.organisation ORDER BY name")
                .query((rs, n) -> new Organisation(
                        new OrganisationId(rs.getObject("id", UUID.class)),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("short_name"),
                        rs.getString("city"),
                        rs.getString("country"),
                        rs.getString("website")))
                .list();
    }
}
