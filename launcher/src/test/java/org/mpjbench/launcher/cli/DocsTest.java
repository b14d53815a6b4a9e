package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README and docs/*.md quote only what exists: every relative link resolves to a file, every
 * {@code mpjbench} command in a code block parses (its subcommands and options exist), and every
 * {@code docs/}, {@code scripts/}, {@code results/} or {@code plots/} path the README quotes is there.
 */
class DocsTest {
  /** A markdown link or image: {@code [text](target)}; the target ends at a space or ')'. */
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  /** A path in backquotes under one of the project's folders. */
  private static final Pattern QUOTED_PATH =
      Pattern.compile("`((?:docs|scripts|results|plots)/[^`\\s]*)`");

  private static final Path REPO = Path.of(System.getProperty("mpjbench.repo", ".."))
      .toAbsolutePath().normalize();

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      broken.addAll(problems(doc, LINK, target -> {
        if (target.startsWith("http://") || target.startsWith("https://")
            || target.startsWith("mailto:") || target.startsWith("#")) {
          return null;
        }
        int hash = target.indexOf('#');
        String file = hash >= 0 ? target.substring(0, hash) : target;
        return Files.exists(doc.getParent().resolve(file)) ? null : target;
      }));
    }
    assertTrue(broken.isEmpty(), "links to missing files:\n" + String.join("\n", broken));
  }

  @Test
  void everyQuotedCommandParses() throws IOException {
    List<String> bad = new ArrayList<>();
    int checked = 0;
    for (Path doc : documents()) {
      int lineNumber = 0;
      boolean inFence = false;
      for (String line : Files.readAllLines(doc)) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.startsWith("```")) {
          inFence = !inFence;
          continue;
        }
        if (!inFence) {
          continue;
        }
        List<String> tokens = commandTokens(trimmed);
        if (tokens == null) {
          continue;
        }
        checked++;
        try {
          MpjBenchCommand.commandLine().parseArgs(tokens.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
          bad.add(where(doc, lineNumber) + ": " + trimmed + "\n    " + e.getMessage());
        }
      }
    }
    assertTrue(checked > 0, "no mpjbench command found in a code block");
    assertTrue(bad.isEmpty(), "commands that do not parse:\n" + String.join("\n", bad));
  }

  @Test
  void everyPathTheReadmeQuotesExists() throws IOException {
    Path readme = REPO.resolve("README.md");
    List<String> missing = problems(readme, QUOTED_PATH,
        path -> path.contains("<") || path.contains("*") || path.contains("{")
            || Files.exists(REPO.resolve(path)) ? null : path);
    assertTrue(missing.isEmpty(), "paths that do not exist:\n" + String.join("\n", missing));
  }

  /**
   * What is wrong with each match of {@code pattern} in {@code doc}, line by line: {@code problem}
   * of the match's first group (null: nothing), after where the match stands.
   */
  private static List<String> problems(Path doc, Pattern pattern,
      Function<String, String> problem) throws IOException {
    List<String> found = new ArrayList<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(doc)) {
      lineNumber++;
      Matcher m = pattern.matcher(line);
      while (m.find()) {
        String wrong = problem.apply(m.group(1));
        if (wrong != null) {
          found.add(where(doc, lineNumber) + ": " + wrong);
        }
      }
    }
    return found;
  }

  /**
   * The arguments of a quoted {@code mpjbench} command line, or null when the line is no such
   * command or holds a placeholder ({@code <}, {@code ...}, {@code [}) or a shell variable.
   */
  static List<String> commandTokens(String line) {
    String rest = line.startsWith("$ ") ? line.substring(2).strip() : line;
    if (rest.startsWith("launcher/mpjbench ")) {
      rest = rest.substring("launcher/mpjbench ".length());
    } else if (rest.startsWith("mpjbench ")) {
      rest = rest.substring("mpjbench ".length());
    } else {
      return null;
    }
    if (rest.isEmpty() || rest.split("\\s+")[0].endsWith(":")) {
      return null; // a message such as "mpjbench setup: ...", not a command
    }
    if (rest.contains("<") || rest.contains("...") || rest.contains("[") || rest.contains("$")) {
      return null;
    }
    List<String> tokens = new ArrayList<>();
    for (String token : rest.split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.startsWith("#") || token.equals("|") || token.startsWith(">")
          || token.equals("&&") || token.equals("&") || token.equals("\\")) {
        break;
      }
      tokens.add(token);
    }
    return tokens;
  }

  /** README.md and every docs/*.md. */
  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(REPO.resolve("README.md"));
    try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
          .forEach(documents::add);
    }
    if (!Files.isRegularFile(documents.get(0))) {
      fail("no README.md in " + REPO + " (set -Dmpjbench.repo)");
    }
    return documents;
  }

  private static String where(Path doc, int lineNumber) {
    return REPO.relativize(doc) + ":" + lineNumber;
  }
}
