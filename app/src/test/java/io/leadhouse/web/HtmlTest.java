package io.leadhouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCouldEndTextOrAnAttribute() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;",
                Html.escape("<a href=\"x\" title='y'>&amp;"));
    }

    @Test
    void dataBlockCannotCloseItsScriptElement() {
        assertEquals("{\"k\":\"\\u003c/script\\u003e\\u003cb\\u003e \\u0026 \\\"q\\\"\"}",
                Html.jsonDataBlock(Map.of("k", "</script><b> & \"q\"")));
    }
}
