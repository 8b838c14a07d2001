package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every UI resource bundle of every module in this repository has the same keys in English and Simplified Chinese,
 * with no empty value: no half-translated screen.
 */
class TranslationsCompleteTest {
    @Test
    void everyEnglishBundleHasACompleteChineseTwin() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        List<Path> english;
        try (Stream<Path> files = Files.walk(repo)) {
            english = files.filter(p -> p.toString().contains("src" + java.io.File.separator + "main" + java.io.File.separator + "resources"))
                    .filter(p -> p.getFileName().toString().matches("(messages|feedback|refusals)\\.properties")).toList();
        }
        assertTrue(english.size() >= 4, "expected the bundles of ui, core and sample-notes, found " + english);
        for (Path en : english) {
            Path zh = en.resolveSibling(en.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertTrue(Files.exists(zh), "missing " + zh);
            Properties e = load(en);
            Properties z = load(zh);
            assertEquals(new TreeSet<>(e.stringPropertyNames()), new TreeSet<>(z.stringPropertyNames()), "keys differ: " + en + " vs " + zh);
            for (String key : z.stringPropertyNames()) {
                assertFalse(z.getProperty(key).isBlank(), zh + ": " + key + " is empty");
                assertFalse(e.getProperty(key).isBlank(), en + ": " + key + " is empty");
                assertPlaceholderSafe(en, key, e.getProperty(key));
                assertPlaceholderSafe(zh, key, z.getProperty(key));
            }
        }
    }

    /** A message with {0}-style arguments goes through MessageFormat, which swallows a single apostrophe. */
    private static void assertPlaceholderSafe(Path file, String key, String text) {
        if (file.toString().contains("archetype-resources")) {
            // the module archetype's templates: ${moduleName} and the like become text when a module is generated
            text = text.replaceAll("\\$\\{[A-Za-z]+\\}", "X");
        }
        if (text.matches("(?s).*\\{\\d.*")) {
            assertFalse(text.replace("''", "").contains("'"), file + ": " + key + " has arguments and a single ' (write '' instead): " + text);
            // and it is a pattern MessageFormat can apply (a '#' inside a choice's nested format is not, for one)
            try {
                new java.text.MessageFormat(text, java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(file + ": " + key + " is not a valid message pattern (" + e.getMessage() + "): " + text, e);
            }
        }
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
