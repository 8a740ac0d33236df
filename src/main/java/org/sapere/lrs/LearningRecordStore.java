package org.sapere.lrs;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sapere.lrs.domain.Json;
import org.sapere.lrs.domain.StatementStore;
import org.sapere.lrs.domain.XapiException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The record store's facade: other modules record xAPI statements here (Sapere's own learning events), with
 * Sapere itself as the authority.
 */
@Service
public class LearningRecordStore {

    /** The client id under which Sapere's own statements are stored. */
    static final UUID SAPERE = new UUID(0, 0);

    private static final JsonNode AUTHORITY = Json.parse("""
            {"objectType":"Agent","name":"Sapere","account":{"homePage":"https://sapere.education","name":"sapere"}}""");

    private final StatementStore store;

    LearningRecordStore(StatementStore store) {
        this.store = store;
    }

    /**
     * Records one statement (xAPI 1.0.3 JSON) and returns its id.
     *
     * @throws InvalidStatementException when the statement breaks a rule of the specification, or conflicts with a
     *     stored statement of the same id
     */
    public StatementId record(String statementJson) {
        try {
            var ids = store.store(List.of(Json.parse(statementJson)), AUTHORITY, SAPERE, Map.of());
            return new StatementId(ids.getFirst());
        } catch (XapiException e) {
            throw new InvalidStatementException(e.getMessage());
        }
    }

    /**
     * Records statements together (all or none) and returns their ids. A statement whose id is stored already with
     * the same content is not stored again, so a sender that delivers a batch twice changes nothing the second time.
     *
     * @throws InvalidStatementException when a statement breaks a rule of the specification, or conflicts with a
     *     stored statement of the same id
     */
    public List<StatementId> recordAll(List<String> statementsJson) {
        try {
            var ids = store.store(statementsJson.stream().map(Json::parse).toList(), AUTHORITY, SAPERE, Map.of());
            return ids.stream().map(StatementId::new).toList();
        } catch (XapiException e) {
            throw new InvalidStatementException(e.getMessage());
        }
    }

    /** How many statements of these ids are stored (each id is stored at most once). */
    public int countStored(java.util.Collection<UUID> ids) {
        return store.countStored(ids);
    }
}
