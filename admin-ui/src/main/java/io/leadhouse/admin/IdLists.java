package io.leadhouse.admin;

import java.util.Arrays;
import java.util.List;

/** Lists of Meta ids as people type them: separated by commas or line breaks, blanks ignored. */
final class IdLists {
    private IdLists() {}

    /** The ids in {@code text}, stripped, in order; empty for blank text. */
    static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\r\\n]+")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
}
