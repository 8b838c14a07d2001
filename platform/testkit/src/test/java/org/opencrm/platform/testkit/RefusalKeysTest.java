package org.opencrm.platform.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusal check finds what it should: no key, no Chinese text, too few values; and passes what is right. */
class RefusalKeysTest {
    private static final String BUNDLE = "org/opencrm/platform/testkit/refusals";

    @Test
    void findsEveryKindOfProblem(@TempDir Path src) throws IOException {
        Files.writeString(src.resolve("Service.java"), """
                class Service {
                    void check(String v) {
                        if (v == null) throw new InvalidInputException("v", "v is required");
                        if (v.isEmpty()) throw new InvalidInputException("v", "v '" + v + "' (is) refused", "kit.known", v);
                        if (v.isBlank()) throw new ConflictException("c", "v", "english only", "kit.englishOnly");
                        if (v.length() > 3) throw new ConflictException("c", "v", "no values", "kit.known");
                        throw new ScopeDeniedException("store " + v + " is outside", "kit.missing", v);
                    }
                }
                """);
        List<String> problems = RefusalKeys.problems(src, BUNDLE);
        // line 3: no key; 5: no Chinese text; 6: {1} without a value (English and Chinese); 7: an unknown key (both)
        assertEquals(6, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("Service.java:3") && problems.get(0).endsWith("no message key"), problems.get(0));
        assertTrue(problems.get(1).contains("Service.java:5") && problems.get(1).contains("kit.englishOnly has no Chinese text"), problems.get(1));
        assertTrue(problems.get(2).contains("Service.java:6") && problems.get(2).contains("uses {1} but the refusal passes 0 value(s)"), problems.get(2));
        assertTrue(problems.get(4).contains("Service.java:7") && problems.get(4).contains("error.kit.missing has no English text"), problems.get(4));
        assertThrows(AssertionError.class, () -> RefusalKeys.assertComplete(src, BUNDLE));
    }

    @Test
    void passesKeyedRefusals(@TempDir Path src) throws IOException {
        Files.writeString(src.resolve("Ok.java"), """
                class Ok extends ConflictException {
                    Ok(String v) {
                        super("c", "v", "value " + v + " refused", "kit.known", v);
                    }
                    static void check(String v, boolean b) {
                        throw new InvalidInputException("v", "refused", b ? "kit.known" : "kit.known", v);
                    }
                }
                """);
        RefusalKeys.assertComplete(src, BUNDLE);
        assertEquals(2, RefusalKeys.refusals(src).size());
    }
}
