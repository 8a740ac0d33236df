package org.sapere.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void storedTextCannotCloseTheScriptElement() {
        var document = new LinkedHashMap<String, Object>();
        document.put("name", "</script><script>alert(1)</script>&\u2028\"\\");
        document.put("n", 0);
        document.put("list", List.of(true, "x"));
        document.put("missing", null);
        assertThat(Json.write(document))
                .isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
                        + "\\u0026\\u2028\\\"\\\\\",\"n\":0,\"list\":[true,\"x\"]}");
    }
}
