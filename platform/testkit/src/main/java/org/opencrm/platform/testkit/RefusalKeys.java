package org.opencrm.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The check that every refusal a module throws can be said in the user's language: it reads the module's Java sources
 * and fails when a platform refusal ({@code InvalidInputException}, {@code ConflictException},
 * {@code ScopeDeniedException}, or a module's subclass of them) is thrown with only an English message and no message
 * key, when a key has no {@code error.<key>} text in English or in Simplified Chinese in the given bundles, or when a
 * text uses more values than the refusal passes ({@code {0}} is the field's caption, {@code {1}} the first value).
 * <p>
 * Use it in a unit test of the module: {@code RefusalKeys.assertComplete(Path.of("src/main/java"),
 * "org/acme/warranty/internal/ui/messages", RefusalKeys.PLATFORM_MESSAGES)}. The bundles are read from the class path
 * ({@code <base>.properties} and {@code <base>_zh_CN.properties}); the first bundle that has a key speaks for it, as
 * {@code Feedback} does.
 */
public final class RefusalKeys {
    /** The platform's rules (required, tooLong, notOneOf, bodyRequired, ...): platform-rest's texts, which the REST API
     * and the shell's {@code Feedback} say them with. */
    public static final String PLATFORM_MESSAGES = "org/opencrm/platform/rest/refusals";

    /** Refusal types and the position of the message key among their constructor's arguments. */
    private static final Map<String, Integer> KEY_POSITION = Map.of(
            "InvalidInputException", 2, "ConflictException", 3, "ScopeDeniedException", 1);
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([A-Za-z][A-Za-z0-9_.]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private RefusalKeys() {
    }

    /** One refusal found in the sources. */
    public record Refusal(Path file, int line, String type, List<String> arguments) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " new " + type + "(" + String.join(", ", arguments) + ")";
        }
    }

    /** Fails with the list of every problem found (see the class comment). */
    public static void assertComplete(Path sources, String... bundles) {
        List<String> problems = problems(sources, bundles);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " refusal(s) cannot be said in the user's language:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** What {@link #assertComplete} complains about, one line each. */
    public static List<String> problems(Path sources, String... bundles) {
        List<Properties[]> texts = new ArrayList<>();
        for (String b : bundles) {
            texts.add(new Properties[] {load(b + ".properties"), load(b + "_zh_CN.properties")});
        }
        String allSources = readAll(sources);
        List<String> problems = new ArrayList<>();
        List<Refusal> found = refusals(sources);
        if (found.isEmpty()) {
            problems.add("no refusal found under " + sources.toAbsolutePath() + " (wrong folder?)");
        }
        for (Refusal r : found) {
            int at = KEY_POSITION.get(r.type());
            if (r.arguments().size() <= at) {
                problems.add(r + ": no message key");
                continue;
            }
            String keyExpression = r.arguments().get(at);
            List<String> keys = keys(keyExpression, allSources);
            boolean spread = r.arguments().stream().anyMatch(a -> a.endsWith("messageArgs()"));
            int values = r.arguments().size() - at - 1;
            for (String key : keys) {
                for (int lang = 0; lang < 2; lang++) {
                    String text = lookup(texts, "error." + key, lang);
                    String language = lang == 0 ? "English" : "Chinese";
                    if (text == null) {
                        problems.add(r + ": error." + key + " has no " + language + " text in " + List.of(bundles));
                    } else if (!spread && highest(text) > values) {
                        problems.add(r + ": error." + key + " (" + language + ") uses {" + highest(text) + "} but the refusal passes "
                                + values + " value(s): " + text);
                    }
                }
            }
        }
        return problems;
    }

    /** Every refusal thrown in the Java files under {@code sources} (including the super calls of subclasses). */
    public static List<Refusal> refusals(Path sources) {
        List<Refusal> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String s = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("new\\s+(" + String.join("|", KEY_POSITION.keySet()) + ")\\s*\\(").matcher(s);
                while (m.find()) {
                    out.add(new Refusal(f, line(s, m.start()), m.group(1), arguments(s, m.end())));
                }
                Matcher sub = Pattern.compile("extends\\s+(" + String.join("|", KEY_POSITION.keySet()) + ")\\b").matcher(s);
                if (sub.find()) {
                    Matcher sup = Pattern.compile("\\bsuper\\s*\\(").matcher(s);
                    while (sup.find()) {
                        out.add(new Refusal(f, line(s, sup.start()), sub.group(1), arguments(s, sup.end())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The keys a key expression can take: its string literals, or a constant's value found in the sources. */
    private static List<String> keys(String expression, String allSources) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY_LITERAL.matcher(expression);
        while (m.find()) {
            keys.add(m.group(1));
        }
        if (keys.isEmpty() && expression.matches("[A-Za-z_][A-Za-z0-9_.]*") && !expression.contains("(")) {
            String constant = expression.substring(expression.lastIndexOf('.') + 1);
            Matcher c = Pattern.compile("\\b" + Pattern.quote(constant) + "\\s*=\\s*\"([^\"]+)\"").matcher(allSources);
            if (c.find()) {
                keys.add(c.group(1));
            }
        }
        // a key made of a prefix and a value ("membership." + code) or handed on (e.messageKey()) is checked where it is made
        if (expression.contains("+")) {
            keys.clear();
        }
        return keys;
    }

    private static String lookup(List<Properties[]> texts, String key, int lang) {
        for (Properties[] t : texts) {
            if (t[0].containsKey(key) || t[1].containsKey(key)) {
                String v = t[lang].getProperty(key);
                return v == null || v.isBlank() ? null : v;
            }
        }
        return null;
    }

    private static int highest(String text) {
        int max = 0;
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }

    /** The top-level arguments of a call whose opening parenthesis ends at {@code from}. */
    static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                cur.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!cur.toString().isBlank() || !args.isEmpty()) {
                        args.add(cur.toString().strip().replaceAll("\\s+", " "));
                    }
                    return args;
                }
                depth--;
                cur.append(c);
            } else if (c == ',' && depth == 0) {
                args.add(cur.toString().strip().replaceAll("\\s+", " "));
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return args;
    }

    private static int line(String s, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String readAll(Path sources) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : RefusalKeys.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no " + resource + " on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
