package org.sapere.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTermsTests {

    @Test
    void wordsAreLettersAndDigitsOnlySoTheTolerantQueryIsAlwaysWellFormed() {
        var terms = SearchTerms.of("Project \"managment\" -agile or 'x' & | ! :* (data)");
        assertThat(terms.words()).containsExactly("project", "managment", "x", "data");
        assertThat(terms.excluded()).containsExactly("agile");
        assertThat(terms.tolerantQuery(Map.of("managment", List.of("management", "bad:*|word"))))
                .isEqualTo("(project:*) & (managment:* | management) & (x) & (data:*) & !agile");
    }

    @Test
    void nothingToSearchForGivesNoQuery() {
        assertThat(SearchTerms.of("!!! -- ''").tolerantQuery(Map.of())).isNull();
    }

    @Test
    void onlyLongerWordsAreCorrected() {
        assertThat(SearchTerms.of("ai for machne 2026").correctable()).containsExactly("machne");
    }
}
