package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in the README is copied from a test source that compiles and runs: each is preceded by
 * {@code <!-- from <path> -->}, and its lines appear, in order, in that file. So a snippet cannot drift from
 * code that works, and cannot hide a gap behind {@code ...}.
 */
class ReadmeSnippetsTest {
    private static final Pattern FROM = Pattern.compile("<!-- from (\\S+)");

    record Snippet(int line, String source, List<String> lines) {
    }

    @Test
    void everyJavaSnippetIsCopiedFromATestThatRuns() throws IOException {
        Path root = root();
        List<Snippet> snippets = javaSnippets(Files.readAllLines(root.resolve("README.md")));
        assertTrue(snippets.size() >= 6, "found only " + snippets.size() + " Java snippets");
        for (Snippet snippet : snippets) {
            if (snippet.source() == null) {
                fail("README line " + snippet.line() + ": a Java snippet without <!-- from <test source> --> before it");
            }
            Path source = root.resolve(snippet.source());
            assertTrue(Files.isRegularFile(source), "README line " + snippet.line() + ": no file " + snippet.source());
            List<String> code = Files.readAllLines(source).stream().map(String::strip).toList();
            int at = 0;
            for (String line : snippet.lines()) {
                String wanted = line.strip();
                if (wanted.isEmpty()) {
                    continue;
                }
                assertFalse(wanted.contains("..."), "README line " + snippet.line() + ": '...' in a snippet");
                while (at < code.size() && !code.get(at).equals(wanted)) {
                    at++;
                }
                if (at == code.size()) {
                    fail("README line " + snippet.line() + ": '" + wanted + "' is not in " + snippet.source()
                            + " (in this order)");
                }
                at++;
            }
        }
    }

    /** The ```java blocks, each with the path named by the comment just before it, if any. */
    private static List<Snippet> javaSnippets(List<String> readme) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).strip().equals("```java")) {
                continue;
            }
            Matcher from = i > 0 ? FROM.matcher(readme.get(i - 1)) : null;
            List<String> lines = new ArrayList<>();
            int start = i + 1;
            for (i = start; i < readme.size() && !readme.get(i).strip().equals("```"); i++) {
                lines.add(readme.get(i));
            }
            boolean moduleDeclaration = !lines.isEmpty() && lines.getFirst().startsWith("// module-info.java");
            if (!moduleDeclaration) { // a third party's module-info is an example of a file, not code we run
                snippets.add(new Snippet(start, from != null && from.find() ? from.group(1) : null, lines));
            }
        }
        return snippets;
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("it-tests/pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
    }
}
